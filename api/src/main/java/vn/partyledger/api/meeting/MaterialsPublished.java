package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the meeting materials were published on {@code publishedOn} via {@code channel}. */
public record MaterialsPublished(String meetingId, String organizationId, String channel, LocalDate publishedOn)
        implements OrganizationScoped {
}
