package vn.partyledger.ops.web;

/** A read asked for a position its read models did not reach within the bounded wait: 503 with Retry-After. */
public class StaleReadException extends RuntimeException {

    private final long retryAfterSeconds;

    public StaleReadException(long position, long retryAfterSeconds) {
        super("the read models have not reached position " + position + " yet");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
