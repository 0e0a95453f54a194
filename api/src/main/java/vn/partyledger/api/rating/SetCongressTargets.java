package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: enter the congress resolution's rating targets of an organisation for a term ({@code 2020-2025}). */
public record SetCongressTargets(@TargetAggregateIdentifier String targetsId, String organizationId, String term,
                                 List<CongressTarget> targets, LocalDate occurredOn) implements Fact {
}
