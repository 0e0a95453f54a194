package vn.partyledger.ops.web;

/** The addressed resource does not exist: 404. */
public class UnknownResourceException extends RuntimeException {
    public UnknownResourceException(String message) {
        super(message);
    }
}
