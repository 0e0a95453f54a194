package vn.partyledger.api.development;

import java.time.LocalDate;

/** Query: member development against the quota for the organisation's subtree in {@code year}; {@code asOf} null = today or year end. */
public record FindDevelopment(String organizationId, int year, LocalDate asOf) {
}
