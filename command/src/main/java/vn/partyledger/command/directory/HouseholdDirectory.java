package vn.partyledger.command.directory;

import java.util.Set;

/** Command-side view of the households registered in each cell, so a task can only cover households of its cell. */
public interface HouseholdDirectory {

    /** The ids among {@code householdIds} that are registered in the cell. */
    Set<String> registered(String organizationId, Iterable<String> householdIds);
}
