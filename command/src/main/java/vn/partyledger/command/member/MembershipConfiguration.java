package vn.partyledger.command.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon passes this bean to the {@link Member} handlers that judge a rule. */
@Configuration(proxyBeanMethods = false)
class MembershipConfiguration {

    @Bean
    MembershipRules membershipRules() {
        return MembershipRules.standard();
    }
}
