package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a guest attended (a superior visit when the guest comes from a superior organisation). */
public record GuestAttended(String meetingId, String organizationId, LocalDate heldOn, GuestInfo guest)
        implements OrganizationScoped {
}
