package vn.partyledger.command.directory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One real PostgreSQL 15 with the command module's migrations, shared by every lookup-table test of the test run:
 * each test class empties its own tables through its projection's reset handler, so one start is enough.
 */
final class LookupDatabase {

    private static NamedParameterJdbcTemplate jdbc;

    private LookupDatabase() {
    }

    static synchronized NamedParameterJdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load()
                        .migrate();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temporary cluster goes with it
                    }
                }));
                jdbc = new NamedParameterJdbcTemplate(pg.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdbc;
    }
}
