package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;

@Component
class JdbcOrganizationDirectory implements OrganizationDirectory {

    // The aggregate refuses cycles, so this bound is never reached by valid data; it keeps a damaged table from
    // turning one command into an endless query.
    private static final int MAX_DEPTH = 64;

    private static final List<String> ON_ROLL = Arrays.stream(MemberStatus.values())
            .filter(MemberStatus::isOnRoll).map(Enum::name).toList();

    private static final RowMapper<OrganizationEntry> ENTRY = (rs, n) -> new OrganizationEntry(
            rs.getString("organization_id"),
            OrganizationLevel.valueOf(rs.getString("level")),
            rs.getString("cell_type") == null ? null : CellType.valueOf(rs.getString("cell_type")),
            rs.getString("parent_id"),
            rs.getBoolean("grassroots"),
            rs.getBoolean("active"));

    private final NamedParameterJdbcTemplate jdbc;

    JdbcOrganizationDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrganizationEntry> find(String organizationId) {
        return jdbc.query("""
                        select organization_id, level, cell_type, parent_id, grassroots, active
                          from cmd_organization where organization_id = :id""",
                Map.of("id", organizationId), ENTRY).stream().findFirst();
    }

    @Override
    public List<String> ancestors(String organizationId) {
        return jdbc.queryForList("""
                        with recursive up (organization_id, parent_id, depth) as (
                            select organization_id, parent_id, 0 from cmd_organization where organization_id = :id
                            union all
                            select o.organization_id, o.parent_id, up.depth + 1
                              from cmd_organization o join up on o.organization_id = up.parent_id
                             where up.depth < :maxDepth)
                        select organization_id from up where depth > 0 order by depth""",
                Map.of("id", organizationId, "maxDepth", MAX_DEPTH), String.class);
    }

    @Override
    public int activeChildren(String organizationId) {
        return count("select count(*) from cmd_organization where parent_id = :id and active",
                Map.of("id", organizationId));
    }

    @Override
    public int membersOnRoll(String organizationId) {
        return count("select count(*) from cmd_member where organization_id = :id and status in (:statuses)",
                Map.of("id", organizationId, "statuses", ON_ROLL));
    }

    @Override
    public int officialMembers(String organizationId) {
        return count("select count(*) from cmd_member where organization_id = :id and status = :status",
                Map.of("id", organizationId, "status", MemberStatus.OFFICIAL.name()));
    }

    private int count(String sql, Map<String, ?> params) {
        Integer n = jdbc.queryForObject(sql, params, Integer.class);
        return n == null ? 0 : n;
    }

    @Override
    public Optional<LocalDate> earliestFactAbout(String organizationId) {
        return Optional.ofNullable(jdbc.queryForObject("""
                select min(d) from (
                    select min(effective_on) as d from cmd_roll_fact where organization_id = :org
                    union all
                    select min(established_on) from cmd_organization where parent_id = :org
                    union all
                    select min(held_on) from cmd_meeting where organization_id = :org and not retracted) facts""",
                Map.of("org", organizationId), LocalDate.class));
    }
}
