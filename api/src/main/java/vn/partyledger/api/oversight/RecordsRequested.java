package vn.partyledger.api.oversight;

import java.time.Instant;
import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the case requested {@code record} of {@code subjectId} as of {@code asOf}, known at {@code knownAt}. */
public record RecordsRequested(String caseId, String organizationId, int requestNo, RequestedRecord record,
                               String subjectId, LocalDate asOf, Instant knownAt) implements OrganizationScoped {
}
