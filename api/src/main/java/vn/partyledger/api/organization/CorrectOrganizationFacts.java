package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: correct a clerical error in the organisation's establishment as recorded by event {@code correctsEventId}
 * (the name, the cell type or the establishment date copied wrongly from the founding decision). A null field keeps
 * its recorded value. {@code occurredOn} is the date the correction was decided.
 */
public record CorrectOrganizationFacts(@TargetAggregateIdentifier String organizationId, String correctsEventId,
                                       String name, CellType cellType, LocalDate establishedOn, LocalDate occurredOn)
        implements Fact {
}
