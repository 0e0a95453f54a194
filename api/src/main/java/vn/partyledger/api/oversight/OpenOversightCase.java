package vn.partyledger.api.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the commission of {@code organizationId} opens an inspection or supervision case on a subject organisation
 * (and optionally one of its members), on a theme, possibly as an item of a programme.
 */
public record OpenOversightCase(@TargetAggregateIdentifier String caseId, String organizationId, OversightKind kind,
                                String subjectOrganizationId, String subjectMemberId, String theme,
                                String programmeId, LocalDate occurredOn) implements Fact {
}
