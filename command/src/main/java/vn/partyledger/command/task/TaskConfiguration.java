package vn.partyledger.command.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon passes this bean to the {@link Task} handlers that judge a rule. */
@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    TaskRules taskRules() {
        return TaskRules.standard();
    }
}
