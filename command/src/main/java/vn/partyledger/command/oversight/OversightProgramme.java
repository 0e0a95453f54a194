package vn.partyledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.oversight.AdoptOversightProgramme;
import vn.partyledger.api.oversight.OversightProgrammeAdopted;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.OrganizationDirectory;

/** A commission's annual oversight programme: its themes and the organisations of its subtree it targets. */
@Aggregate
class OversightProgramme {

    @AggregateIdentifier
    private String programmeId;

    OversightProgramme() {
    }

    @CommandHandler
    OversightProgramme(AdoptOversightProgramme c, OrganizationDirectory organizations) {
        if (c.programmeId() == null || c.programmeId().isBlank()) {
            throw LedgerRefusalException.invalid("programmeId", "programmeId is required");
        }
        if (c.occurredOn() == null) {
            throw LedgerRefusalException.invalid("occurredOn", "occurredOn is required");
        }
        if (c.organizationId() == null || organizations.find(c.organizationId()).isEmpty()) {
            throw LedgerRefusalException.notFound("organizationId", "no organisation " + c.organizationId());
        }
        List<String> themes = c.themes() == null ? List.of()
                : c.themes().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        if (themes.isEmpty()) {
            throw LedgerRefusalException.invalid("themes", "a programme names at least one theme");
        }
        List<String> targets = c.targetOrganizationIds() == null ? List.of() : List.copyOf(c.targetOrganizationIds());
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (target == null || !(target.equals(c.organizationId())
                    || organizations.ancestors(target).contains(c.organizationId()))) {
                throw LedgerRefusalException.invalid("targetOrganizationIds[" + i + "]", "a programme targets "
                        + "organisations of the commission's own subtree");
            }
        }
        apply(new OversightProgrammeAdopted(c.programmeId(), c.organizationId(), c.year(), themes, targets));
    }

    @EventSourcingHandler
    void on(OversightProgrammeAdopted e) {
        programmeId = e.programmeId();
    }
}
