package vn.partyledger.api.rules;

/**
 * Why a command was refused; travels as the details of a {@link LedgerRefusalException} so that it survives a
 * distributed command bus. {@code field} names the request field at fault where there is one; {@code rule} and
 * {@code basis} name the regulation where a domain rule refused it.
 */
public record Refusal(Kind kind, String field, String message, String rule, String basis) {

    public enum Kind {
        /** Input that can never be valid (400/422 with the field). */
        INVALID_INPUT,
        /** Well-formed but refused by a domain rule or by the current state (422). */
        RULE,
        /** A referenced id that does not exist (404 when it is the addressed resource). */
        NOT_FOUND,
        /** A duplicate or a concurrent change (409). */
        CONFLICT
    }
}
