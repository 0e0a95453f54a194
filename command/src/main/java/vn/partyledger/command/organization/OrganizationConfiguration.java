package vn.partyledger.command.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganizationConfiguration {

    /** Injected into the aggregate's handlers, so a province's variant replaces this bean, not the aggregate. */
    @Bean
    OrganizationPolicy organizationPolicy() {
        return OrganizationPolicy.standard();
    }
}
