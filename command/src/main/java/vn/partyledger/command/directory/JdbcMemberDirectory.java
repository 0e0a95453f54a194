package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.member.MemberStatus;

@Component
class JdbcMemberDirectory implements MemberDirectory {

    private static final RowMapper<MemberEntry> ENTRY = (rs, n) -> new MemberEntry(
            rs.getString("member_id"),
            rs.getString("organization_id"),
            MemberStatus.valueOf(rs.getString("status")),
            rs.getObject("official_since", LocalDate.class));

    private final NamedParameterJdbcTemplate jdbc;

    JdbcMemberDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MemberEntry> find(String memberId) {
        return jdbc.query("""
                        select member_id, organization_id, status, official_since
                          from cmd_member where member_id = :id""",
                Map.of("id", memberId), ENTRY).stream().findFirst();
    }
}
