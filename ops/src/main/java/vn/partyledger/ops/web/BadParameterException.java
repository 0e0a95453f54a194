package vn.partyledger.ops.web;

/** A query parameter or header the client sent is malformed: 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String field;

    public BadParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
