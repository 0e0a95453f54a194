package vn.partyledger.api.meeting;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: an agenda item was discussed. */
public record AgendaItemDiscussed(String meetingId, String organizationId, AgendaTopic topic, String summary)
        implements OrganizationScoped {
}
