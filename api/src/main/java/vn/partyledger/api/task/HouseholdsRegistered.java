package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: these households are in the cell's area from {@code registeredOn}. */
public record HouseholdsRegistered(String listId, String organizationId, List<Household> households,
                                   LocalDate registeredOn) implements OrganizationScoped {
}
