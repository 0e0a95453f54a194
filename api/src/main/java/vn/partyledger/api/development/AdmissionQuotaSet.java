package vn.partyledger.api.development;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the organisation's admission quota for {@code year}; a later one revises it. */
public record AdmissionQuotaSet(String quotaId, String organizationId, int year, int quota, LocalDate setOn)
        implements OrganizationScoped {
}
