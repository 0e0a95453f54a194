package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the deciding body ({@code organizationId}) opened its round for {@code year}, judged by rule set {@code ruleSetId}. */
public record RatingRoundOpened(String roundId, String organizationId, int year, String ruleSetId, String ruleSetTitle,
                                LocalDate openedOn) implements OrganizationScoped {
}
