package vn.partyledger.ops.security;

/**
 * How the organisation a request acts on is found. A grant allows the request when it covers every scope of the
 * endpoint's rule (it names the organisation or one of its ancestors, or is ledger-wide).
 */
public record Scope(Kind kind, String name) {

    public enum Kind {
        /** The organisation is a path variable. */
        ORGANIZATION,
        /** An organisation path variable, or the literal {@code ledger} (ledger-wide facts: a ledger-wide grant). */
        ORGANIZATION_OR_LEDGER,
        /** The parent of the organisation in a path variable (a superior decides, e.g. admission quotas). */
        PARENT_OF_ORGANIZATION,
        /** The organisation is a field of the JSON body. */
        BODY,
        /** A field of the body; when absent the request acts at the top of the tree and needs a ledger-wide grant. */
        BODY_OR_LEDGER,
        /** The organisation of the member / meeting / task / commitment whose id is a path variable. */
        MEMBER,
        MEETING,
        TASK,
        COMMITMENT,
        /** The deciding body named in a rating round's id (path variable). */
        RATING_ROUND,
        /** The deciding body of the round a rating id (path variable) belongs to. */
        RATING_BODY,
        /** Where a rating's subject belongs: a member's cell, or the rated organisation itself. */
        RATING_SUBJECT,
        /** The organisation whose record holds the event a body field names (corrections, retractions). */
        EVENT_IN_BODY,
        /** The organisation whose record holds the event a path variable names (the web correction form). */
        EVENT,
        /** The organisation whose record holds the aggregate a path variable names (oversight cases). */
        AGGREGATE,
        /** The whole ledger: only a ledger-wide grant. */
        LEDGER,
        /** Any grant of a role the permission allows, wherever it is (monitoring). */
        ANY
    }

    public static Scope organization(String pathVariable) {
        return new Scope(Kind.ORGANIZATION, pathVariable);
    }

    public static Scope organizationOrLedger(String pathVariable) {
        return new Scope(Kind.ORGANIZATION_OR_LEDGER, pathVariable);
    }

    public static Scope parentOf(String pathVariable) {
        return new Scope(Kind.PARENT_OF_ORGANIZATION, pathVariable);
    }

    public static Scope body(String field) {
        return new Scope(Kind.BODY, field);
    }

    public static Scope bodyOrLedger(String field) {
        return new Scope(Kind.BODY_OR_LEDGER, field);
    }

    public static Scope member(String pathVariable) {
        return new Scope(Kind.MEMBER, pathVariable);
    }

    public static Scope meeting(String pathVariable) {
        return new Scope(Kind.MEETING, pathVariable);
    }

    public static Scope task(String pathVariable) {
        return new Scope(Kind.TASK, pathVariable);
    }

    public static Scope commitment(String pathVariable) {
        return new Scope(Kind.COMMITMENT, pathVariable);
    }

    public static Scope ratingRound(String pathVariable) {
        return new Scope(Kind.RATING_ROUND, pathVariable);
    }

    public static Scope ratingBody(String pathVariable) {
        return new Scope(Kind.RATING_BODY, pathVariable);
    }

    public static Scope ratingSubject(String pathVariable) {
        return new Scope(Kind.RATING_SUBJECT, pathVariable);
    }

    public static Scope eventInBody(String field) {
        return new Scope(Kind.EVENT_IN_BODY, field);
    }

    public static Scope event(String pathVariable) {
        return new Scope(Kind.EVENT, pathVariable);
    }

    public static Scope aggregate(String pathVariable) {
        return new Scope(Kind.AGGREGATE, pathVariable);
    }

    public static Scope ledger() {
        return new Scope(Kind.LEDGER, null);
    }

    public static Scope any() {
        return new Scope(Kind.ANY, null);
    }
}
