package vn.partyledger.api.meeting;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the fee report was read out (collected, spent, balance in VND). */
public record FeeReportPresented(String meetingId, String organizationId, long collected, long spent, long balance)
        implements OrganizationScoped {
}
