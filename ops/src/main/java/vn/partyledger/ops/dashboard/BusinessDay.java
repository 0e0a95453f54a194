package vn.partyledger.ops.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Today's date in the business zone: the default of every date picker and of the year shown. */
@Component
class BusinessDay {

    private final Clock clock;
    private final ZoneId zone;

    BusinessDay(Clock clock, @Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    ZoneId zone() {
        return zone;
    }
}
