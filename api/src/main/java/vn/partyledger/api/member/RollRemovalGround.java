package vn.partyledger.api.member;

/** Grounds of administrative removal from the roll (xóa tên, P12) — not a discipline. */
public enum RollRemovalGround {
    /** Bỏ sinh hoạt đảng. */
    LEFT_PARTY_ACTIVITIES,
    /** Did not pay fees for 3 months in a year without legitimate reason. */
    FEES_UNPAID,
    /** Returned or destroyed the party card. */
    CARD_RETURNED_OR_DESTROYED,
    /** 12 months without progress after education. */
    NO_PROGRESS_AFTER_EDUCATION,
    /** Two consecutive years violating member standards. */
    STANDARDS_VIOLATED_TWO_YEARS,
    /** Political standard not met. */
    POLITICAL_STANDARD_NOT_MET
}
