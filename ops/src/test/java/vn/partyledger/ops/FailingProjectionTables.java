package vn.partyledger.ops;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.ops.processors.ReadModelTables;

/** {@link FailingProjection} keeps no tables, but it can be rebuilt blue/green like a read model (tokens, dead letters). */
@Configuration(proxyBeanMethods = false)
class FailingProjectionTables {

    @Bean
    ReadModelTables failingProjectionTableSet() {
        return new ReadModelTables(FailingProjection.GROUP, 1, List.of());
    }
}
