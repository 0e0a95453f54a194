package vn.partyledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.RegisterHouseholds;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * The households of one cell's area: the universe household-group coverage is measured against (S0: members without
 * posts oversee the households where they live). One stream per cell; registering adds households, never replaces.
 */
@Aggregate
class HouseholdList {

    @AggregateIdentifier
    private String listId;
    private final Set<String> householdIds = new HashSet<>();

    HouseholdList() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterHouseholds c, OrganizationDirectory organizations) {
        if (c.occurredOn() == null) {
            throw LedgerRefusalException.invalid("occurredOn", "is required");
        }
        if (c.organizationId() == null || !RegisterHouseholds.listIdOf(c.organizationId()).equals(c.listId())) {
            throw LedgerRefusalException.invalid("organizationId", "households are registered on their cell's list");
        }
        OrganizationEntry cell = organizations.find(c.organizationId()).orElseThrow(() ->
                LedgerRefusalException.notFound("organizationId", "no organisation " + c.organizationId()));
        if (cell.level() != OrganizationLevel.CELL || !cell.active()) {
            throw new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, "organizationId",
                    "households are registered for an active cell", null, null));
        }
        List<Household> households = c.households() == null ? List.of() : c.households();
        if (households.isEmpty()) {
            throw LedgerRefusalException.invalid("households", "name at least one household");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < households.size(); i++) {
            Household h = households.get(i);
            if (h == null || h.householdId() == null || h.householdId().isBlank()) {
                throw LedgerRefusalException.invalid("households[" + i + "].householdId", "is required");
            }
            if (householdIds.contains(h.householdId()) || !seen.add(h.householdId())) {
                throw LedgerRefusalException.invalid("households[" + i + "].householdId",
                        "household " + h.householdId() + " is already on the cell's list");
            }
        }
        apply(new HouseholdsRegistered(c.listId(), c.organizationId(), List.copyOf(households), c.occurredOn()));
    }

    @EventSourcingHandler
    void on(HouseholdsRegistered e) {
        listId = e.listId();
        e.households().forEach(h -> householdIds.add(h.householdId()));
    }
}
