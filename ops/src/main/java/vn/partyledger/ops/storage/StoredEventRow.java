package vn.partyledger.ops.storage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * One row of the event table as read, with its timestamp parsed once. Axon's own entry keeps the stored text and parses
 * it with a general ISO formatter on every {@code getTimestamp()}: its JDBC engine parsed every row read once for a
 * token the ledger replaces (0006) and once more to build the message, and in a profile of all read models rebuilding
 * together that was two fifths of the processors' coordinating threads.
 */
final class StoredEventRow implements DomainEventData<Object> {

    private final String type;
    private final String aggregateIdentifier;
    private final long sequenceNumber;
    private final String eventIdentifier;
    private final Instant timestamp;
    private final String payloadType;
    private final String payloadRevision;
    private final Object payload;
    private final Object metaData;

    StoredEventRow(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                   Instant timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
        this.type = type;
        this.aggregateIdentifier = aggregateIdentifier;
        this.sequenceNumber = sequenceNumber;
        this.eventIdentifier = eventIdentifier;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metaData = metaData;
    }

    /**
     * The stored timestamp: Axon writes {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (DateTimeUtils.formatInstant), read here
     * field by field; any other shape goes to Axon's parser, which accepts every ISO-8601 offset.
     */
    static Instant timestamp(String stored) {
        if (stored.length() == 24 && stored.charAt(4) == '-' && stored.charAt(7) == '-' && stored.charAt(10) == 'T'
                && stored.charAt(13) == ':' && stored.charAt(16) == ':' && stored.charAt(19) == '.'
                && stored.charAt(23) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 7);
            int day = digits(stored, 8, 10);
            int hour = digits(stored, 11, 13);
            int minute = digits(stored, 14, 16);
            int second = digits(stored, 17, 19);
            int millis = digits(stored, 20, 23);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && millis >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notADate) {
                    // falls through to the full parser, which reports it
                }
            }
        }
        return DateTimeUtils.parseInstant(stored);
    }

    /** The decimal value of {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getMetaData() {
        return new SerializedMetaData(metaData, metaData.getClass());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getPayload() {
        return new SimpleSerializedObject(payload, payload.getClass(), new SimpleSerializedType(payloadType,
                payloadRevision));
    }
}
