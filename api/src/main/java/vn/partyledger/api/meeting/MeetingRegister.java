package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Result: {@code CellMeetingRegister(cell, year)}: 12 months and 4 quarters. For a commune or province the same rows
 * sum over the cells of its subtree ({@code cells} > 1); {@code meetings} then stays empty.
 */
public record MeetingRegister(String organizationId, int year, int cells, int cellsMeetingEveryMonth,
                              List<Month> months, List<Quarter> quarters, Provenance provenance) {

    /**
     * One month. {@code cellsMet}: cells that held their regular meeting; {@code onFixedDay} null when no regular
     * meeting was held or no day is fixed; {@code attendancePercent} truncated to one decimal, from the counts.
     */
    public record Month(int month, int cellsMet, Boolean onFixedDay, Integer fixedDay, int attended,
                        int requiredToAttend, String attendancePercent, int absentWithoutReason,
                        int superiorVisits, List<MeetingRow> meetings, List<RuleOutcome> outcomes) {
    }

    public record MeetingRow(String meetingId, MeetingKind kind, LocalDate heldOn, boolean correction,
                             Integer durationMinutes, Integer attended, Integer requiredToAttend,
                             List<RuleOutcome> outcomes) {
    }

    public record Quarter(int quarter, int thematicMeetings, int cellsWithThematic, List<RuleOutcome> outcomes) {
    }
}
