package vn.partyledger.command.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeetingConfiguration {

    /** Injected into the aggregate's handlers, so a province's variant replaces this bean, not the aggregate. */
    @Bean
    MeetingRules meetingRules() {
        return MeetingRules.standard();
    }
}
