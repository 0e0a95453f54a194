package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the round was closed with {@code decided} ratings decided and {@code undecided} left without a level. */
public record RatingRoundClosed(String roundId, String organizationId, int year, int decided, int undecided,
                                LocalDate closedOn) implements OrganizationScoped {
}
