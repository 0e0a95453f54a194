package vn.partyledger.api.envelope;

/**
 * Metadata keys of the event envelope. Every stored event carries them in Axon metadata; they are part of the stored
 * format (see docs/decisions/0003-event-envelope.md), so never rename one.
 */
public final class Envelope {
    /** Map {userId, role, organizationId} of the authenticated principal; never taken from a request body. */
    public static final String ACTOR = "actor";
    /** Business date (YYYY-MM-DD) on which the fact happened: meeting date, decision date. May lie in the past. */
    public static final String OCCURRED_ON = "occurredOn";
    /** Instant (ISO-8601 UTC) at which the server accepted the command; set from the server clock only. */
    public static final String RECORDED_AT = "recordedAt";
    /** Optional map {docNo, issuer, issuedOn}: the decision or resolution that authorises the fact. */
    public static final String AUTHORITY = "authority";
    /** Id of the first message of the causal chain (the HTTP request's command). */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The organisation whose record the event is: per-scope hash chains, access control and exports key on it. */
    public static final String SCOPE = "scope";
    /** For corrections: the event identifier being corrected. */
    public static final String CORRECTS_EVENT_ID = "correctsEventId";
    /** For corrections: why. */
    public static final String REASON = "reason";
    /** Rule outcomes of severity WARNING that the fact was accepted with (list of {rule, basis, message}). */
    public static final String WARNINGS = "warnings";

    private Envelope() {
    }
}
