package vn.partyledger.api.member;

import java.time.LocalDate;

/** The cell's resolution on admission or recognition: approving votes out of the official members (P4). */
public record CellVote(int approving, int officialMembers, LocalDate heldOn) {
}
