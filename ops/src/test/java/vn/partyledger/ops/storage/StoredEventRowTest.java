package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredEventRowTest {

    @Test
    void readsTheTimestampsAxonWritesAsAxonReadsThem() {
        for (Instant instant : new Instant[] {Instant.parse("2026-11-27T08:39:13.216Z"), Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T23:59:59.999Z"), Instant.parse("1999-12-31T12:00:00.001Z")}) {
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredEventRow.timestamp(stored)).as(stored)
                    .isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(instant);
        }
    }

    @Test
    void readsAnyOtherIsoShapeWithAxonsParser() {
        assertThat(StoredEventRow.timestamp("2026-11-27T15:39:13.216+07:00"))
                .isEqualTo(Instant.parse("2026-11-27T08:39:13.216Z"));
        assertThat(StoredEventRow.timestamp("2026-11-27T08:39:13Z")).isEqualTo(Instant.parse("2026-11-27T08:39:13Z"));
        assertThat(StoredEventRow.timestamp("2026-11-27T08:39:13.216123Z"))
                .isEqualTo(Instant.parse("2026-11-27T08:39:13.216123Z"));
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        assertThatThrownBy(() -> StoredEventRow.timestamp("2026-13-27T08:39:13.216Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredEventRow.timestamp("2026-11-2xT08:39:13.216Z")).isInstanceOf(DateTimeException.class);
    }
}
