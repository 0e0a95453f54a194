package vn.partyledger.command.organization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.organization.AssignLiaison;
import vn.partyledger.api.organization.AssignOfficer;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.CorrectOrganizationFacts;
import vn.partyledger.api.organization.DissolveOrganization;
import vn.partyledger.api.organization.EndLiaison;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.MergeOrganization;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.OrganizationReparented;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.RemoveOfficer;
import vn.partyledger.api.organization.ReparentOrganization;
import vn.partyledger.api.organization.SetRegularMeetingDay;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One node of the Party organisation tree (province, commune, grassroots organisation, cell, party group). Facts about
 * the tree around it (parents, children, rolls) come from the command-side directory; facts about the node itself
 * (parent since when, officers, liaisons, whether it has ended) are its own state.
 */
@Aggregate
class Organization {

    // Business dates are Vietnamese calendar dates: a fact recorded at 06:00 in Hà Nội is still "today" there.
    private static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @AggregateIdentifier
    private String organizationId;
    private OrganizationLevel level;
    private String name;
    private CellType cellType;
    private String parentId;
    private String firstParentId;
    private LocalDate establishedOn;
    /** The earliest business date of a later fact about this organisation: its establishment cannot move past it. */
    private LocalDate firstLaterFact;
    private LocalDate parentSince;
    private boolean ended;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, LocalDate> liaisonsSince = new HashMap<>();

    Organization() {
        // for event sourcing
    }

    @CommandHandler
    Organization(EstablishOrganization c, OrganizationDirectory organizations, OrganizationPolicy policy) {
        requireText(c.organizationId(), "organizationId");
        requireText(c.name(), "name");
        requirePresent(c.level(), "level");
        LocalDate on = businessDate(c.occurredOn());
        Hierarchy hierarchy = policy.hierarchy(on);
        if (hierarchy.needsCellType(c.level()) != (c.cellType() != null)) {
            throw LedgerRefusalException.invalid("cellType", hierarchy.needsCellType(c.level())
                    ? "a " + c.level() + " needs a cell type" : "only a cell has a cell type, not a " + c.level());
        }
        if (organizations.find(c.organizationId()).isPresent()) {
            throw LedgerRefusalException.conflict("organisation " + c.organizationId() + " already exists");
        }
        refuseUnless(hierarchy.levelInForce(c.level()), "level");
        OrganizationLevel parentLevel = c.parentId() == null ? null
                : activeOrganization(organizations, c.parentId(), "parentId", hierarchy).level();
        refuseUnless(hierarchy.placement(c.level(), parentLevel), "parentId");
        apply(new OrganizationEstablished(c.organizationId(), c.level(), c.cellType(), c.parentId(), c.name().strip(),
                grassroots(c, hierarchy, parentLevel), on));
    }

    @CommandHandler
    void handle(ReparentOrganization c, OrganizationDirectory organizations, OrganizationPolicy policy) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.newParentId(), "newParentId");
        Hierarchy hierarchy = policy.hierarchy(on);
        if (c.newParentId().equals(organizationId)) {
            refuse(hierarchy.integrity().violation("an organisation cannot be its own parent"), "newParentId");
        }
        OrganizationEntry newParent = activeOrganization(organizations, c.newParentId(), "newParentId", hierarchy);
        if (c.newParentId().equals(parentId)) {
            refuse(hierarchy.integrity().violation("the organisation is already under " + parentId), "newParentId");
        }
        if (organizations.ancestors(c.newParentId()).contains(organizationId)) {
            refuse(hierarchy.integrity().violation(c.newParentId() + " lies under this organisation; moving it "
                    + "there would make a cycle"), "newParentId");
        }
        refuseUnless(hierarchy.levelInForce(level), null);
        refuseUnless(hierarchy.placement(level, newParent.level()), "newParentId");
        if (parentSince != null && on.isBefore(parentSince)) {
            refuse(hierarchy.integrity().violation("the current parent holds since " + parentSince
                    + "; a new parent cannot start before that"), "occurredOn");
        }
        apply(new OrganizationReparented(organizationId, parentId, c.newParentId(), on));
    }

    @CommandHandler
    void handle(MergeOrganization c, OrganizationDirectory organizations, OrganizationPolicy policy) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.survivorId(), "survivorId");
        if (c.survivorId().equals(organizationId)) {
            throw LedgerRefusalException.invalid("survivorId", "an organisation cannot be merged into itself");
        }
        Hierarchy hierarchy = policy.hierarchy(on);
        activeOrganization(organizations, c.survivorId(), "survivorId", hierarchy);
        refuseWhileOccupied(organizations, hierarchy, "merged");
        apply(new OrganizationMerged(organizationId, c.survivorId(), on));
    }

    @CommandHandler
    void handle(DissolveOrganization c, OrganizationDirectory organizations, OrganizationPolicy policy) {
        LocalDate on = factDate(c.occurredOn());
        refuseWhileOccupied(organizations, policy.hierarchy(on), "dissolved");
        apply(new OrganizationDissolved(organizationId, c.reason(), on));
    }

    @CommandHandler
    void handle(AssignOfficer c, OrganizationDirectory organizations, MemberDirectory members,
                OrganizationPolicy policy) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.memberId(), "memberId");
        requirePresent(c.role(), "role");
        LocalDate from = c.from() == null ? on : c.from();
        if (from.isBefore(establishedOn)) {
            throw LedgerRefusalException.invalid("from", "the post cannot start before the organisation was "
                    + "established on " + establishedOn);
        }
        if (c.to() != null && !c.to().isAfter(from)) {
            throw LedgerRefusalException.invalid("to", "a post ends after it starts");
        }
        List<Post> concurrent = posts.stream().filter(p -> p.overlaps(from, c.to())).toList();
        if (concurrent.stream().anyMatch(p -> p.isHeldBy(c.memberId(), c.role()))) {
            throw LedgerRefusalException.conflict("member " + c.memberId() + " already holds the " + c.role()
                    + " post over that period");
        }
        OfficerRules rules = policy.officers(on);
        refuseUnless(rules.roleExists(level, c.role()), "role");
        MemberEntry member = members.find(c.memberId()).orElseThrow(() ->
                LedgerRefusalException.notFound("memberId", "no member " + c.memberId()));
        String rollId = rules.rollOf(level, organizationId, parentId);
        refuseUnless(rules.onRoll(isOnRoll(member, rollId, organizations), c.memberId(), rollId), "memberId");
        refuseUnless(rules.candidacy(member.status()), "memberId");
        refuseUnless(rules.seats(level, c.role(), c.memberId(), organizations.officialMembers(organizationId),
                concurrent), "role");
        apply(new OfficerAssigned(organizationId, c.memberId(), c.role(), from, c.to()));
    }

    @CommandHandler
    void handle(RemoveOfficer c) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.memberId(), "memberId");
        requirePresent(c.role(), "role");
        Post post = posts.stream().filter(p -> p.isHeldBy(c.memberId(), c.role()))
                .filter(p -> p.to() == null || p.to().isAfter(on)).findFirst()
                .orElseThrow(() -> LedgerRefusalException.state("member " + c.memberId() + " holds no " + c.role()
                        + " post here on " + on));
        if (on.isBefore(post.from())) {
            throw LedgerRefusalException.invalid("occurredOn", "the post started on " + post.from()
                    + "; it cannot end before that");
        }
        apply(new OfficerRemoved(organizationId, c.memberId(), c.role(), on));
    }

    @CommandHandler
    void handle(SetRegularMeetingDay c) {
        LocalDate on = factDate(c.occurredOn());
        if (c.dayOfMonth() < 1 || c.dayOfMonth() > 31) {
            throw LedgerRefusalException.invalid("dayOfMonth", "a day of the month is 1 to 31");
        }
        Integer prep = c.committeePrepDay();
        if (prep != null && (prep < 1 || prep >= c.dayOfMonth())) {
            throw LedgerRefusalException.invalid("committeePrepDay",
                    "the chi ủy prepares on a day of the month before the meeting day " + c.dayOfMonth());
        }
        apply(new RegularMeetingDaySet(organizationId, c.dayOfMonth(), prep, on));
    }

    @CommandHandler
    void handle(AssignLiaison c, OrganizationDirectory organizations, MemberDirectory members,
                OrganizationPolicy policy) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.liaisonMemberId(), "liaisonMemberId");
        requireText(c.superiorOrganizationId(), "superiorOrganizationId");
        requirePresent(c.visitQuota(), "visitQuota");
        requirePresent(c.visitQuota().per(), "visitQuota.per");
        if (c.visitQuota().visits() < 1) {
            throw LedgerRefusalException.invalid("visitQuota.visits", "a liaison attends at least one meeting");
        }
        if (liaisonsSince.containsKey(c.liaisonMemberId())) {
            throw LedgerRefusalException.conflict("member " + c.liaisonMemberId() + " already follows this "
                    + "organisation since " + liaisonsSince.get(c.liaisonMemberId()));
        }
        LiaisonRules rules = policy.liaisons(on);
        refuseUnless(rules.superior(c.superiorOrganizationId(), organizations.ancestors(organizationId)),
                "superiorOrganizationId");
        MemberEntry liaison = members.find(c.liaisonMemberId()).orElseThrow(() ->
                LedgerRefusalException.notFound("liaisonMemberId", "no member " + c.liaisonMemberId()));
        refuseUnless(rules.liaison(liaison.status()), "liaisonMemberId");
        apply(new LiaisonAssigned(organizationId, c.liaisonMemberId(), c.superiorOrganizationId(), c.visitQuota(),
                on));
    }

    @CommandHandler
    void handle(EndLiaison c) {
        LocalDate on = factDate(c.occurredOn());
        requireText(c.liaisonMemberId(), "liaisonMemberId");
        LocalDate since = liaisonsSince.get(c.liaisonMemberId());
        if (since == null) {
            throw LedgerRefusalException.state("member " + c.liaisonMemberId() + " does not follow this "
                    + "organisation as liaison");
        }
        if (on.isBefore(since)) {
            throw LedgerRefusalException.invalid("occurredOn", "the liaison started on " + since
                    + "; it cannot end before that");
        }
        apply(new LiaisonEnded(organizationId, c.liaisonMemberId(), on));
    }

    /**
     * A clerical error in the establishment (name, cell type, date) is corrected under the rules that judged the
     * establishment, applied on the corrected date: the cell type O-rules of the hierarchy, the level in force and
     * its place under the parent it was founded under. The date may not pass a later fact about the organisation,
     * its own (a reparenting, a post, a liaison, a meeting day, its end) or others' (a member on its roll, a child, a
     * meeting). An ended organisation's record can still be
     * corrected: an inspector must read it right.
     */
    @CommandHandler
    void handle(CorrectOrganizationFacts c, OrganizationDirectory organizations, OrganizationPolicy policy) {
        requireText(c.correctsEventId(), "correctsEventId");
        businessDate(c.occurredOn());
        if (c.name() == null && c.cellType() == null && c.establishedOn() == null) {
            throw LedgerRefusalException.invalid("replacement", "name the corrected name, cellType or establishedOn");
        }
        if (c.name() != null && c.name().isBlank()) {
            throw LedgerRefusalException.invalid("replacement.name", "a name is not blank");
        }
        String newName = c.name() == null ? name : c.name().strip();
        CellType newCellType = c.cellType() == null ? cellType : c.cellType();
        LocalDate on = c.establishedOn() == null ? establishedOn : c.establishedOn();
        if (newName.equals(name) && newCellType == cellType && on.equals(establishedOn)) {
            throw LedgerRefusalException.invalid("replacement", "the replacement repeats the recorded values");
        }
        if (on.isAfter(LocalDate.now(LEDGER_ZONE))) {
            throw LedgerRefusalException.invalid("replacement.establishedOn", "an organisation is not established "
                    + "in the future");
        }
        if (!on.equals(establishedOn)) {
            LocalDate earliest = Stream.concat(Stream.ofNullable(firstLaterFact),
                    organizations.earliestFactAbout(organizationId).stream()).min(LocalDate::compareTo).orElse(null);
            if (earliest != null && on.isAfter(earliest)) {
                throw LedgerRefusalException.invalid("replacement.establishedOn", "the ledger holds a fact of "
                        + earliest + " about this organisation; it was established by then");
            }
        }
        Hierarchy hierarchy = policy.hierarchy(on);
        if (c.cellType() != null && !hierarchy.needsCellType(level)) {
            throw LedgerRefusalException.invalid("replacement.cellType", "only a cell has a cell type, not a " + level);
        }
        if (!on.equals(establishedOn)) {
            refuseUnless(hierarchy.levelInForce(level), "replacement.establishedOn");
            OrganizationLevel parentLevel = firstParentId == null ? null : organizations.find(firstParentId)
                    .orElseThrow(() -> LedgerRefusalException.notFound("correctsEventId", "no organisation "
                            + firstParentId + ", the parent this one was founded under"))
                    .level();
            refuseUnless(hierarchy.placement(level, parentLevel), "replacement.establishedOn");
        }
        apply(new OrganizationFactsCorrected(organizationId, newName, newCellType, on, c.correctsEventId()));
    }

    @EventSourcingHandler
    void on(OrganizationEstablished e) {
        organizationId = e.organizationId();
        level = e.level();
        name = e.name();
        cellType = e.cellType();
        parentId = e.parentId();
        firstParentId = e.parentId();
        establishedOn = e.establishedOn();
        parentSince = e.establishedOn();
    }

    @EventSourcingHandler
    void on(OrganizationFactsCorrected e) {
        name = e.name();
        cellType = e.cellType();
        if (parentSince.equals(establishedOn)) {
            parentSince = e.establishedOn();
        }
        establishedOn = e.establishedOn();
    }

    @EventSourcingHandler
    void on(OrganizationReparented e) {
        parentId = e.newParentId();
        parentSince = e.effectiveOn();
        later(e.effectiveOn());
    }

    @EventSourcingHandler
    void on(OrganizationMerged e) {
        ended = true;
        later(e.effectiveOn());
    }

    @EventSourcingHandler
    void on(OrganizationDissolved e) {
        ended = true;
        later(e.effectiveOn());
    }

    @EventSourcingHandler
    void on(OfficerAssigned e) {
        posts.add(new Post(e.memberId(), e.role(), e.from(), e.to()));
        later(e.from());
    }

    @EventSourcingHandler
    void on(RegularMeetingDaySet e) {
        later(e.effectiveFrom());
    }

    // A removed post no longer constrains anything, so it leaves the state; its history stays in the events.
    @EventSourcingHandler
    void on(OfficerRemoved e) {
        posts.stream().filter(p -> p.isHeldBy(e.memberId(), e.role()))
                .filter(p -> p.to() == null || p.to().isAfter(e.endedOn()))
                .findFirst().ifPresent(posts::remove);
    }

    @EventSourcingHandler
    void on(LiaisonAssigned e) {
        liaisonsSince.put(e.liaisonMemberId(), e.from());
        later(e.from());
    }

    private void later(LocalDate on) {
        if (on != null && (firstLaterFact == null || on.isBefore(firstLaterFact))) {
            firstLaterFact = on;
        }
    }

    @EventSourcingHandler
    void on(LiaisonEnded e) {
        liaisonsSince.remove(e.liaisonMemberId());
    }

    /** The business date of a fact about this organisation: given, not in the future, not before it existed. */
    private LocalDate factDate(LocalDate occurredOn) {
        if (ended) {
            throw LedgerRefusalException.state("organisation " + organizationId + " has ended; its record is "
                    + "closed to new facts");
        }
        LocalDate on = businessDate(occurredOn);
        if (on.isBefore(establishedOn)) {
            throw LedgerRefusalException.invalid("occurredOn", "the organisation was established on "
                    + establishedOn + "; nothing about it happened before");
        }
        return on;
    }

    private static LocalDate businessDate(LocalDate occurredOn) {
        requirePresent(occurredOn, "occurredOn");
        if (occurredOn.isAfter(LocalDate.now(LEDGER_ZONE))) {
            throw LedgerRefusalException.invalid("occurredOn", "a fact cannot be recorded before it happens");
        }
        return occurredOn;
    }

    private static OrganizationEntry activeOrganization(OrganizationDirectory organizations, String id, String field,
                                                        Hierarchy hierarchy) {
        OrganizationEntry entry = organizations.find(id)
                .orElseThrow(() -> LedgerRefusalException.notFound(field, "no organisation " + id));
        if (!entry.active()) {
            refuse(hierarchy.integrity().violation("organisation " + id + " has ended"), field);
        }
        return entry;
    }

    private void refuseWhileOccupied(OrganizationDirectory organizations, Hierarchy hierarchy, String outcome) {
        int children = organizations.activeChildren(organizationId);
        int onRoll = organizations.membersOnRoll(organizationId);
        if (children > 0 || onRoll > 0) {
            refuse(hierarchy.integrity().violation("the organisation still has " + children + " active child "
                    + "organisation(s) and " + onRoll + " member(s) on its roll; reparent the children and transfer "
                    + "every member (one transfer per member) before it is " + outcome), "organizationId");
        }
    }

    /** A đảng bộ's roll covers its whole subtree: a commune secretary is on the roll of one of its cells. */
    private static boolean isOnRoll(MemberEntry member, String rollId, OrganizationDirectory organizations) {
        return member.status().isOnRoll() && (member.organizationId().equals(rollId)
                || organizations.ancestors(member.organizationId()).contains(rollId));
    }

    private static boolean grassroots(EstablishOrganization c, Hierarchy hierarchy, OrganizationLevel parentLevel) {
        if (c.grassroots() == null) {
            return hierarchy.defaultGrassroots(c.level(), parentLevel);
        }
        if (c.grassroots() && !hierarchy.mayBeGrassroots(c.level())) {
            throw LedgerRefusalException.invalid("grassroots", "a " + c.level() + " is never a grassroots "
                    + "organisation");
        }
        return c.grassroots();
    }

    private static void refuseUnless(RuleOutcome outcome, String field) {
        if (outcome.isViolation()) {
            refuse(outcome, field);
        }
    }

    private static void refuse(RuleOutcome outcome, String field) {
        throw LedgerRefusalException.rule(outcome, field);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
    }
}
