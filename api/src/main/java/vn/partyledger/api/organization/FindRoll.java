package vn.partyledger.api.organization;

import java.time.LocalDate;

/** Query: the member roll of one organisation as of a date, paged. */
public record FindRoll(String organizationId, LocalDate asOf, int page, int size) {
}
