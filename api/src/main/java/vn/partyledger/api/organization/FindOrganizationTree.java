package vn.partyledger.api.organization;

import java.time.LocalDate;

/** Query: the subtree under {@code rootId} (null = every province) as of a date, with own and subtree counts. */
public record FindOrganizationTree(String rootId, LocalDate asOf) {
}
