package vn.partyledger.command.directory;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.member.MemberStatus;

@Component
class JdbcMeetingRoll implements MeetingRoll, MeetingDirectory {

    private static final RowMapper<MeetingEntry> MEETING = (rs, n) -> new MeetingEntry(rs.getString("meeting_id"),
            rs.getString("organization_id"), MeetingKind.valueOf(rs.getString("kind")),
            rs.getObject("held_on", LocalDate.class), rs.getBoolean("correction"));

    private final NamedParameterJdbcTemplate jdbc;

    JdbcMeetingRoll(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RollMember> on(String organizationId, LocalDate date) {
        return jdbc.query("""
                        select member_id, membership, fully_exempt, temporarily_exempt, suspended,
                               temporarily_transferred_in, temporarily_transferred_out
                          from cmd_roll_period
                         where organization_id = :org and valid_from <= :d and (valid_to is null or valid_to > :d)
                         order by member_id""",
                new MapSqlParameterSource("org", organizationId).addValue("d", date, Types.DATE),
                (rs, n) -> new RollMember(rs.getString("member_id"), MemberStatus.valueOf(rs.getString("membership")),
                        rs.getBoolean("fully_exempt"), rs.getBoolean("temporarily_exempt"), rs.getBoolean("suspended"),
                        rs.getBoolean("temporarily_transferred_in"), rs.getBoolean("temporarily_transferred_out")));
    }

    @Override
    public Optional<MeetingEntry> find(String meetingId) {
        return jdbc.query("select * from cmd_meeting where meeting_id = :id",
                new MapSqlParameterSource("id", meetingId), MEETING).stream().findFirst();
    }

    @Override
    public List<MeetingEntry> regularMeetings(String organizationId, YearMonth month) {
        return jdbc.query("select * from cmd_meeting where organization_id = :org and month = :month and regular "
                        + "and not retracted order by held_on, meeting_id",
                new MapSqlParameterSource("org", organizationId).addValue("month", month.toString()), MEETING);
    }
}
