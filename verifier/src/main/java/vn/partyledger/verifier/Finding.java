package vn.partyledger.verifier;

/**
 * The first thing found wrong, where (scope and position in the scope's order, or the seal) and why. Verification
 * stops at the first finding: everything after a break is unproven anyway.
 */
public record Finding(Reason reason, String scope, Long position, Long sealNo, String detail) {

    public enum Reason {
        PAYLOAD_CHANGED("payload or envelope changed"),
        LINK_CHANGED("stored link changed"),
        EVENT_MISSING("event missing"),
        EVENTS_SWAPPED("events swapped"),
        EVENT_INSERTED("event inserted"),
        SEAL_MISSING("seal missing"),
        SEAL_NOT_MATCHING("seal not matching"),
        BAD_SIGNATURE("bad signature"),
        BAD_KEY("key not endorsed"),
        BUNDLE_EDITED("bundle edited after export");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public String describe() {
        StringBuilder s = new StringBuilder(reason.text());
        if (scope != null) {
            s.append(" in scope ").append(scope);
        }
        if (position != null) {
            s.append(" at position ").append(position);
        }
        if (sealNo != null) {
            s.append(" (seal #").append(sealNo).append(')');
        }
        return s.append(": ").append(detail).toString();
    }
}
