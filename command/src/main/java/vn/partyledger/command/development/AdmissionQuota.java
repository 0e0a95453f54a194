package vn.partyledger.command.development;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.development.AdmissionQuotaSet;
import vn.partyledger.api.development.SetAdmissionQuota;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * The admission quota of one organisation for one year (§2.9), set by its superior [S1]. The stream id is organisation
 * + year, so setting it again revises the same quota; admissions are counted against it by the read side.
 */
@Aggregate
class AdmissionQuota {

    /** A quota is set for the current year, the next (planning) or the last (late entry of a paper plan). */
    private static final int YEARS_OF_SLACK = 1;

    @AggregateIdentifier
    private String quotaId;
    private Integer quota;

    AdmissionQuota() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAdmissionQuota c, OrganizationDirectory organizations) {
        if (c.occurredOn() == null) {
            throw LedgerRefusalException.invalid("occurredOn", "is required");
        }
        if (c.organizationId() == null || !SetAdmissionQuota.idOf(c.organizationId(), c.year()).equals(c.quotaId())) {
            throw LedgerRefusalException.invalid("organizationId", "one quota per organisation and year");
        }
        if (c.quota() < 0) {
            throw LedgerRefusalException.invalid("quota", "cannot be negative");
        }
        if (Math.abs(c.year() - c.occurredOn().getYear()) > YEARS_OF_SLACK) {
            throw LedgerRefusalException.invalid("year", "a quota set on " + c.occurredOn() + " cannot be for " + c.year());
        }
        OrganizationEntry organization = organizations.find(c.organizationId()).orElseThrow(() ->
                LedgerRefusalException.notFound("organizationId", "no organisation " + c.organizationId()));
        if (!organization.active()) {
            throw new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, "organizationId",
                    "organisation " + c.organizationId() + " has been dissolved or merged; it admits no one", null, null));
        }
        if (quota != null && quota == c.quota()) {
            return;
        }
        apply(new AdmissionQuotaSet(c.quotaId(), c.organizationId(), c.year(), c.quota(), c.occurredOn()));
    }

    @EventSourcingHandler
    void on(AdmissionQuotaSet e) {
        quotaId = e.quotaId();
        quota = e.quota();
    }
}
