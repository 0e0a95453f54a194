package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: add households of the cell's residential area to its list, the universe that household-group coverage is
 * measured against. {@code listId} is {@link #listIdOf(String)} of the cell: one list per cell.
 */
public record RegisterHouseholds(@TargetAggregateIdentifier String listId, String organizationId,
                                 List<Household> households, LocalDate occurredOn) implements Fact {

    public static String listIdOf(String organizationId) {
        return "households:" + organizationId;
    }
}
