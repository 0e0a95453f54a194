package vn.partyledger.api.rules.rating;

/** Who is rated (§2.6): a member, a collective (cell, grassroots organisation, its committee) or a leader with a post. */
public enum RatingSubject {
    MEMBER, CELL, GRASSROOTS_ORG, COMMITTEE, LEADER;

    /** The subject is a person (a member id); otherwise an organisation id. */
    public boolean isPerson() {
        return this == MEMBER || this == LEADER;
    }
}
