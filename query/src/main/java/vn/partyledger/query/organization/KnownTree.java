package vn.partyledger.query.organization;

import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationMerged;

/**
 * The organisation tree as the ledger knew it, as two common table expressions every tree query starts from
 * (docs/decisions/0011): {@code org}, the organisations with the latest correction of their establishment laid over
 * the recorded row, and {@code parent_period}, who was under whom from when to when. Without a cut they reflect
 * everything recorded; with one ({@code :knownAt}) an organisation counts only once its establishment was recorded by
 * then, its end only once the merger or dissolution was, and a parent only once the event that gave it was: the
 * envelope's {@code recorded_at} of those events is read from the store ({@code ledger_event}) by aggregate and by
 * position, through indexes.
 */
public final class KnownTree {

    private static final String ORG = """
            org as (
                select o.organization_id, coalesce(c.name, o.name) as name, o.level,
                       case when c.organization_id is null then o.cell_type else c.cell_type end as cell_type,
                       o.grassroots, coalesce(c.established_on, o.established_on) as established_on,
                       case when $ENDED then o.ended_on end as ended_on,
                       case when $ENDED then o.end_reason end as end_reason,
                       case when $ENDED then o.merged_into end as merged_into
                  from org_tree_organization o
                  left join lateral (select * from org_tree_correction c
                                      where c.organization_id = o.organization_id and c.recorded_at <= $KNOWN
                                      order by c.position desc limit 1) c on true
                 where $ESTABLISHED)""";

    private static final String PARENT_PERIOD = """
            parent_period as (
                select organization_id, parent_id, valid_from,
                       least(lead(valid_from) over (partition by organization_id
                                                    order by valid_from, opened_position, id), ended_on) as valid_to
                  from (select p.id, p.organization_id, p.parent_id, p.opened_position, o.ended_on,
                               -- the first parent holds from the establishment, corrected or not
                               case when p.opened_position = min(p.opened_position)
                                                                 over (partition by p.organization_id)
                                    then o.established_on else p.valid_from end as valid_from
                          from org_tree_parent_period p join org o using (organization_id)
                         where $PARENT_KNOWN) p)""";

    private static final String ENDED_BY = """
            exists (select 1 from ledger_event e where e.aggregate_id = o.organization_id
                       and e.payload_type in ('%s', '%s') and e.recorded_at <= cast(:knownAt as timestamptz))"""
            .formatted(OrganizationMerged.class.getName(), OrganizationDissolved.class.getName());
    // An organisation's establishment is the first event of its stream.
    // Scalar subqueries: one index probe per organisation or period, never a hash of the store's recorded instants.
    private static final String ESTABLISHED_BY = """
            (select e.recorded_at from ledger_event e where e.aggregate_id = o.organization_id and e.aggregate_seq = 0
              limit 1) <= cast(:knownAt as timestamptz)""";
    private static final String PARENT_KNOWN_BY = """
            (select e.recorded_at from ledger_event e where e.global_index = p.opened_position limit 1)
            <= cast(:knownAt as timestamptz)""";

    private KnownTree() {
    }

    /**
     * The CTEs {@code org} and {@code parent_period}, to follow {@code with recursive}; {@code cut}: as known at the
     * parameter {@code :knownAt}, else as everything recorded so far (the store is not read then).
     */
    public static String ctes(boolean cut) {
        return org(cut) + ",\n" + known(PARENT_PERIOD, cut);
    }

    /** The CTE {@code org} alone: a lookup of one organisation then reads only its own row and events. */
    public static String org(boolean cut) {
        return known(ORG, cut);
    }

    private static String known(String sql, boolean cut) {
        return sql.replace("$ENDED", cut ? ENDED_BY : "true")
                .replace("$ESTABLISHED", cut ? ESTABLISHED_BY : "true")
                .replace("$KNOWN", cut ? "cast(:knownAt as timestamptz)" : "'infinity'")
                .replace("$PARENT_KNOWN", cut ? PARENT_KNOWN_BY : "true");
    }
}
