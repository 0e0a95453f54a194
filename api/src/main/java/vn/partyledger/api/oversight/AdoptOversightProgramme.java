package vn.partyledger.api.oversight;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the inspection commission of {@code organizationId} adopts its oversight programme for {@code year}. */
public record AdoptOversightProgramme(@TargetAggregateIdentifier String programmeId, String organizationId, int year,
                                      List<String> themes, List<String> targetOrganizationIds, LocalDate occurredOn)
        implements Fact {
}
