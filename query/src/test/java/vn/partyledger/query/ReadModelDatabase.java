package vn.partyledger.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A real PostgreSQL 15 with the query module's migrations applied; one per test class. */
public final class ReadModelDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final SingleConnectionDataSource connection;
    private final NamedParameterJdbcTemplate jdbc;

    // zonky's data source opens a connection per statement (~10 ms each); the service has a pool, tests hold one.
    private ReadModelDatabase(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        this.connection = new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true);
        this.jdbc = new NamedParameterJdbcTemplate(connection);
    }

    public static ReadModelDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            // The event store is the ops module's; reads "as known at" an instant look up when the organisation events
            // they depend on were recorded in its view ledger_event (KnownTree). EventFeed fills this stand-in, kept
            // in a schema of its own so that it is not taken for a read model's table.
            try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("create schema store");
                st.execute("""
                        create table store.ledger_event (global_index bigint primary key, aggregate_id text not null,
                                                         aggregate_seq bigint not null, payload_type text not null,
                                                         recorded_at timestamptz not null)""");
                st.execute("create index on store.ledger_event (aggregate_id, aggregate_seq)");
                st.execute("create view public.ledger_event as select * from store.ledger_event");
            }
            return new ReadModelDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** The one connection the template uses, for a transaction manager around a batch. */
    public javax.sql.DataSource dataSource() {
        return connection;
    }

    public void clean() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""",
                Map.of(), String.class);
        jdbc.update("truncate store.ledger_event, " + String.join(", ", tables) + " restart identity", Map.of());
    }

    /** Every row of a table in a stable order, without its surrogate key: what a rebuilt read model must equal. */
    public List<Map<String, Object>> rows(String table, String surrogateKey) {
        List<String> columns = jdbc.queryForList("""
                        select column_name from information_schema.columns
                         where table_schema = 'public' and table_name = :table and column_name <> :key
                         order by ordinal_position""",
                new MapSqlParameterSource("table", table).addValue("key", surrogateKey == null ? "" : surrogateKey),
                String.class);
        String list = String.join(", ", columns);
        return jdbc.queryForList("select " + list + " from " + table + " order by " + list, Map.of());
    }

    public long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        connection.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
