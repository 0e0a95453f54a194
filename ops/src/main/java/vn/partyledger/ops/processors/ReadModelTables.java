package vn.partyledger.ops.processors;

import java.util.List;

/**
 * The tables one processing group writes, and the version of the code that fills them. A rebuild copies exactly these
 * tables into a schema of its own, so a table the group writes but that is missing here would be written by the
 * rebuild in place: {@code ReadModelCatalogTest} checks that every read-model table belongs to one entry.
 *
 * @param processingGroup the Axon processing group (and processor) name
 * @param version         bump it when the tables or their meaning change: a version above the one recorded for the
 *                        live tables rebuilds them on start, beside the live ones
 * @param tables          unqualified table names in the {@code public} schema
 */
public record ReadModelTables(String processingGroup, int version, List<String> tables) {

    public ReadModelTables {
        if (!processingGroup.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("processing group name not usable in a schema name: " + processingGroup);
        }
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        }
        tables = List.copyOf(tables);
    }
}
