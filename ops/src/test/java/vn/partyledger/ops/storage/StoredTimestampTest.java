package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampTest {

    @Test
    void everyInstantIsStoredAsAxonFormatsItEvenWhenTheMillisecondRepeats() {
        ScopedAppend.StoredTimestamp timestamps = new ScopedAppend.StoredTimestamp();
        SplittableRandom random = new SplittableRandom(20261127);
        Instant previous = Instant.parse("1969-12-31T23:59:59.999999999Z");
        for (int i = 0; i < 20_000; i++) {
            // mostly a few hundred nanoseconds later (the same millisecond), sometimes across a millisecond or more
            Instant next = previous.plusNanos(random.nextInt(10) == 0 ? random.nextLong(5_000_000_000L)
                    : random.nextInt(400_000));
            assertThat(timestamps.text(next)).as(next.toString()).isEqualTo(DateTimeUtils.formatInstant(next));
            previous = next;
        }
        assertThat(timestamps.text(Instant.parse("2026-11-27T16:04:39.123999Z")))
                .isEqualTo("2026-11-27T16:04:39.123Z");
    }
}
