package vn.partyledger.api.organization;

/** Officer posts: bí thư, phó bí thư, phó bí thư thường trực, cấp ủy viên, chi ủy viên, tổ trưởng / tổ phó tổ đảng. */
public enum OfficerRole {
    SECRETARY, DEPUTY_SECRETARY, STANDING_DEPUTY, COMMITTEE_MEMBER, CELL_COMMITTEE_MEMBER, GROUP_LEADER, GROUP_DEPUTY
}
