package vn.partyledger.api.organization;

import java.time.LocalDate;

/** Query: one organisation as it stood on {@code asOf} (null = today). */
public record FindOrganization(String organizationId, LocalDate asOf) {
}
