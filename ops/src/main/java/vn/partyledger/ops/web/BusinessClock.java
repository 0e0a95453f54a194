package vn.partyledger.ops.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business dates are Vietnamese calendar dates: "not in the future" is judged in Asia/Ho_Chi_Minh, not in the server's
 * zone, or a meeting held this morning in Hà Giang would be refused by a UTC server before 07:00.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClock {

    @Bean
    ValidationConfigurationCustomizer businessDateClock(@Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String zone) {
        return configuration -> configuration.clockProvider(() -> Clock.system(ZoneId.of(zone)));
    }
}
