package vn.partyledger.ops.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.ops.LedgerTestSupport;

/**
 * A rebuild copies exactly the declared tables: a read-model table missing from the catalog would be written in place
 * by the rebuild, beside the live processor. Every table of the read-model and lookup families must be declared once.
 */
class ReadModelCatalogTest extends LedgerTestSupport {

    private static final String FAMILIES = "^(cmd|org_tree|member_roll|meeting_register|task_board|commitment"
            + "|development|rating)_.*";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<ReadModelTables> catalog;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelTableBelongsToExactlyOneDeclaredGroup() {
        Map<String, String> owner = new HashMap<>();
        for (ReadModelTables set : catalog) {
            for (String table : set.tables()) {
                assertThat(owner.put(table, set.processingGroup())).as("%s declared twice", table).isNull();
            }
        }
        List<String> tables = jdbc.queryForList("select tablename from pg_tables where schemaname = 'public' "
                + "and tablename ~ ?", String.class, FAMILIES);
        assertThat(tables).hasSizeGreaterThan(40);
        assertThat(owner.keySet()).as("tables no rebuild would copy").containsAll(tables);
        assertThat(tables).as("declared tables that do not exist").containsAll(owner.keySet());
    }

    @Test
    void everyDeclaredGroupIsAProcessorOfThisService() {
        for (ReadModelTables set : catalog) {
            assertThat(processing.eventProcessor(set.processingGroup())).as(set.processingGroup()).isPresent();
        }
    }
}
