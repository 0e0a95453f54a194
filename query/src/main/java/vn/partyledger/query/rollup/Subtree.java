package vn.partyledger.query.rollup;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.query.organization.KnownTree;

/**
 * An organisation and everything under it on a business date, walked down the organization-tree periods, so that
 * figures recorded by cells roll up to the commune (or district, province) the cells belonged to on that date.
 */
public final class Subtree {

    /** Business dates are Vietnamese dates: "today" is today in Hà Nội, whatever the server's zone. */
    public static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    // The organisations with their corrected establishment and their parents (KnownTree): as everything recorded so
    // far has them, or as the ledger knew them at :knownAt.
    private static final String SQL = """
            with recursive $KNOWN,
            alive as (
                select organization_id from org
                 where established_on <= :d and (ended_on is null or ended_on > :d)),
            parent_on_day as (
                select p.organization_id, p.parent_id from parent_period p join alive a using (organization_id)
                 where p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)),
            tree (organization_id, path) as (
                select cast(:root as text), array[cast(:root as text)]
                union all
                select c.organization_id, t.path || c.organization_id
                  from tree t join parent_on_day c on c.parent_id = t.organization_id
                 where not c.organization_id = any(t.path))
            select t.organization_id, t.path, o.name, o.level
              from tree t join org o using (organization_id)
             order by cardinality(t.path), o.name, t.organization_id""";

    private final String rootId;
    private final Map<String, Node> nodes;

    private Subtree(String rootId, Map<String, Node> nodes) {
        this.rootId = rootId;
        this.nodes = nodes;
    }

    public record Node(String organizationId, String name, String level, List<String> path) {
        /** The direct child of the root this node lies under (itself for a child), null for the root. */
        public String branch() {
            return path.size() > 1 ? path.get(1) : null;
        }
    }

    /** The subtree under {@code rootId} on {@code d}; an organisation unknown to the tree is a NoSuchElementException. */
    public static Subtree of(NamedParameterJdbcTemplate jdbc, String rootId, LocalDate d) {
        return of(jdbc, rootId, d, null);
    }

    /**
     * The subtree under {@code rootId} on {@code d} as the ledger knew it at {@code knownAt} (null: as everything
     * recorded so far): an organisation established, moved in or merged away by an event recorded later is where the
     * ledger then had it, so a figure "as known at" counts the organisations an inspector would have seen then.
     */
    public static Subtree of(NamedParameterJdbcTemplate jdbc, String rootId, LocalDate d, Instant knownAt) {
        Integer known = jdbc.queryForObject("select count(*) from org_tree_organization where organization_id = :root",
                new MapSqlParameterSource("root", rootId), Integer.class);
        if (known == null || known == 0) {
            throw new NoSuchElementException("no organization " + rootId + " in the tree");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("root", rootId).addValue("d", d, Types.DATE)
                .addValue("knownAt", knownAt == null ? null : knownAt.atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
        jdbc.query(SQL.replace("$KNOWN", KnownTree.ctes(knownAt != null)), params, rs -> {
            String[] path = (String[]) rs.getArray("path").getArray();
            nodes.put(rs.getString("organization_id"), new Node(rs.getString("organization_id"), rs.getString("name"),
                    rs.getString("level"), Arrays.asList(path)));
        });
        if (nodes.isEmpty()) {
            // not alive on d (established later or already ended): it still answers for itself
            nodes.put(rootId, new Node(rootId, null, null, List.of(rootId)));
        }
        return new Subtree(rootId, nodes);
    }

    /** The last day of {@code year}, or today when the year is not over: the date a yearly figure is judged on. */
    public static LocalDate yearEndOrToday(int year, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LEDGER_ZONE);
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    public String rootId() {
        return rootId;
    }

    public List<String> ids() {
        return List.copyOf(nodes.keySet());
    }

    /**
     * The ids as one array parameter, for {@code = any(:orgs)}: an {@code in} list binds a parameter per organisation,
     * and PostgreSQL's protocol takes at most 32,767 parameters a statement.
     */
    public String[] idArray() {
        return nodes.keySet().toArray(String[]::new);
    }

    public Node node(String organizationId) {
        return nodes.get(organizationId);
    }

    public List<Node> children() {
        return nodes.values().stream().filter(n -> n.path().size() == 2).toList();
    }

    public List<Node> all() {
        return List.copyOf(nodes.values());
    }

}
