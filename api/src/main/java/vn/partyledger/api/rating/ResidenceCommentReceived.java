package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the residence cell's comment (ý kiến nhận xét của cấp ủy nơi cư trú) reached the member's cell. */
public record ResidenceCommentReceived(String roundId, String ratingId, String organizationId,
                                       String residenceOrganization, String comment, LocalDate receivedOn)
        implements OrganizationScoped {
}
