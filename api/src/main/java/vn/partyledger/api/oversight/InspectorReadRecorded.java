package vn.partyledger.api.oversight;

import java.time.Instant;
import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/**
 * Fact: an inspection role read {@code record} of {@code subjectId}; it belongs to the record of the organisation
 * read, so that organisation sees who looked (the reader is the envelope's actor).
 */
public record InspectorReadRecorded(String readId, String organizationId, RequestedRecord record, String subjectId,
                                    LocalDate asOf, Instant knownAt) implements OrganizationScoped {
}
