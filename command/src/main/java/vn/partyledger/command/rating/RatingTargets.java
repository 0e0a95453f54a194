package vn.partyledger.command.rating;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.CongressTargetsSet;
import vn.partyledger.api.rating.SetCongressTargets;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.OrganizationDirectory;

/**
 * The rating targets of an organisation's congress resolution for one term (R6), entered as data. The stream id is
 * organisation + term, so entering them again revises the same record.
 */
@Aggregate
class RatingTargets {

    @AggregateIdentifier
    private String targetsId;
    private List<CongressTarget> targets;

    RatingTargets() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetCongressTargets c, OrganizationDirectory organizations) {
        LocalDate on = c.occurredOn();
        if (on == null) {
            throw LedgerRefusalException.invalid("occurredOn", "is required");
        }
        if (c.organizationId() == null || c.term() == null
                || !SetCongressTargets.idOf(c.organizationId(), c.term()).equals(c.targetsId())) {
            throw LedgerRefusalException.invalid("term", "one set of targets per organisation and term");
        }
        if (!c.term().matches("\\d{4}-\\d{4}")
                || Integer.parseInt(c.term().substring(5)) < Integer.parseInt(c.term().substring(0, 4))) {
            throw LedgerRefusalException.invalid("term", "a term is written first-last year, e.g. 2020-2025");
        }
        if (c.targets() == null || c.targets().isEmpty()) {
            throw LedgerRefusalException.invalid("targets", "at least one target");
        }
        for (int i = 0; i < c.targets().size(); i++) {
            CongressTarget t = c.targets().get(i);
            String at = "targets[" + i + "].";
            if (t == null || t.subject() == null || t.level() == null || t.comparison() == null) {
                throw LedgerRefusalException.invalid(at + "subject", "subject, level and comparison are required");
            }
            if (t.percent() < 0 || t.percent() > 100) {
                throw LedgerRefusalException.invalid(at + "percent", "must be between 0 and 100");
            }
        }
        organizations.find(c.organizationId()).orElseThrow(() ->
                LedgerRefusalException.notFound("organizationId", "no organisation " + c.organizationId()));
        if (c.targets().equals(targets)) {
            return;
        }
        apply(new CongressTargetsSet(c.targetsId(), c.organizationId(), c.term(), List.copyOf(c.targets()), on));
    }

    @EventSourcingHandler
    void on(CongressTargetsSet e) {
        targetsId = e.targetsId();
        targets = e.targets();
    }
}
