package vn.partyledger.ops.integrity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Chaining, sealing and verifying run on Spring's scheduler (see {@link IntegrityJobs}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntegrityConfiguration {
}
