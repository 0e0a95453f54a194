package vn.partyledger.command.rating;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.rating.AppraiseRating;
import vn.partyledger.api.rating.CellReviewHeld;
import vn.partyledger.api.rating.CloseRatingRound;
import vn.partyledger.api.rating.CorrectRatingDecision;
import vn.partyledger.api.rating.DecideRatings;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.OpenRatings;
import vn.partyledger.api.rating.PublishRating;
import vn.partyledger.api.rating.RatingAppraised;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingPublished;
import vn.partyledger.api.rating.RatingRedecided;
import vn.partyledger.api.rating.RatingReopened;
import vn.partyledger.api.rating.RatingRoundClosed;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rating.RecordCellReview;
import vn.partyledger.api.rating.RecordResidenceComment;
import vn.partyledger.api.rating.RedecideRating;
import vn.partyledger.api.rating.ReopenRating;
import vn.partyledger.api.rating.ResidenceCommentReceived;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SelfReviewSubmitted;
import vn.partyledger.api.rating.SubmitSelfReview;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSet;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.command.directory.MemberStanding;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;
import vn.partyledger.command.directory.RatingLookups;

/**
 * One deciding body's rating round for one year (§2.6) with every rating in it. The round is the decision scope: the
 * R3 quota is judged over the ratings it decides, and a decision covering hundreds of subjects is one command on one
 * aggregate, stored in one transaction or not at all. Ratings are judged by the rule set of the round's year.
 *
 * <p>Its snapshot is its fields as JSON, revision 1 (docs/decisions/0013): a change of the fields below raises the
 * revision, and a snapshot of another revision is skipped and the round replayed from its events.
 */
@Aggregate(cache = "ratingRoundCache", snapshotTriggerDefinition = "ratingRoundSnapshots")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class RatingRound {

    /** The order of §2.6 [W2]: lower level first, leadership collectives before their members, heads after units. */
    static final String ORDER_RULE = "R-ORDER";
    static final String ORDER_BASIS = "QĐ 124-QĐ/TW (04/10/2023), Art. 13: order of rating";

    @AggregateIdentifier
    private String roundId;
    private String bodyId;
    private int year;
    private String ruleSetId;
    private boolean closed;
    private final Map<String, Rating> ratings = new LinkedHashMap<>();

    enum State { OPEN, DECIDED, PUBLISHED, REOPENED }

    /** What the handlers of one rating read; everything else a reader needs is in the events. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    static final class Rating {
        RatingSubject subject;
        String subjectId;
        String organizationId;
        List<String> path;
        State state = State.OPEN;
        boolean selfReviewed;
        Score score;
        RatingLevel level;
        /** The decision in force: its number, date and recorded score, which a correction keeps or replaces. */
        String decisionNo;
        LocalDate decidedOn;
        Integer decidedScore;

        // Axon's fixture compares the state a handler leaves with the state sourced from its events.
        @Override
        public boolean equals(Object o) {
            return o instanceof Rating r && subject == r.subject && Objects.equals(subjectId, r.subjectId)
                    && Objects.equals(organizationId, r.organizationId) && Objects.equals(path, r.path)
                    && state == r.state && selfReviewed == r.selfReviewed && Objects.equals(score, r.score)
                    && level == r.level;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, state, level);
        }
    }

    RatingRound() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenRatingRound c, OrganizationDirectory organizations, RatingRuleSets ruleSets) {
        if (roundId != null) {
            throw new LedgerRefusalException(new Refusal(Refusal.Kind.CONFLICT, "year",
                    "the " + year + " round of " + bodyId + " is already open", null, null));
        }
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requiredText(c.decidingBodyId(), "decidingBodyId");
        if (!OpenRatingRound.idOf(c.decidingBodyId(), c.year()).equals(c.roundId())) {
            throw LedgerRefusalException.invalid("roundId", "one round per deciding body and year");
        }
        if (on.getYear() != c.year() && on.getYear() != c.year() + 1) {
            throw LedgerRefusalException.invalid("year", "a round opened on " + on + " cannot rate " + c.year());
        }
        OrganizationEntry body = organizations.find(c.decidingBodyId()).orElseThrow(() ->
                LedgerRefusalException.notFound("decidingBodyId", "no organisation " + c.decidingBodyId()));
        if (!body.active()) {
            throw LedgerRefusalException.state("organisation " + body.organizationId() + " has ended; it rates no one");
        }
        RatingRuleSet set = ruleSets.forYear(c.year(), province(organizations, body.organizationId()))
                .orElseThrow(() -> new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, "year",
                        "no rating rule set was in force for " + c.year(), null, null)));
        apply(new RatingRoundOpened(c.roundId(), c.decidingBodyId(), c.year(), set.id(), set.title(), on));
    }

    @CommandHandler
    void handle(OpenRating c, OrganizationDirectory organizations, RatingLookups lookups, RatingRuleSets ruleSets) {
        open();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        RatingSubject subject = required(c.subject(), "subject");
        requiredText(c.subjectId(), "subjectId");
        Map<String, MemberStanding> standings = subject.isPerson()
                ? lookups.standings(List.of(c.subjectId()), judgedOn(on)) : Map.of();
        apply(opened(new OpenRatings.Row(c.ratingId(), subject, c.subjectId(), c.organizationId()), on, "",
                organizations, standings, ruleSet(ruleSets), new HashMap<>()));
    }

    /**
     * A list of subjects in one document: each row judged as {@link OpenRating} is, the standings of all members read
     * at once; one refused row refuses the list, naming the row.
     */
    @CommandHandler
    void handle(OpenRatings c, OrganizationDirectory organizations, RatingLookups lookups, RatingRuleSets ruleSets) {
        open();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (c.ratings() == null || c.ratings().isEmpty()) {
            throw LedgerRefusalException.invalid("ratings", "a list names at least one subject");
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < c.ratings().size(); i++) {
            OpenRatings.Row row = c.ratings().get(i);
            String at = "ratings[" + i + "].";
            if (row == null) {
                throw LedgerRefusalException.invalid("ratings[" + i + "]", "is required");
            }
            required(row.subject(), at + "subject");
            requiredText(row.subjectId(), at + "subjectId");
            if (row.subject().isPerson()) {
                people.add(row.subjectId());
            }
        }
        Map<String, MemberStanding> standings = people.isEmpty() ? Map.of() : lookups.standings(people, judgedOn(on));
        RatingRuleSet set = ruleSet(ruleSets);
        Map<String, List<String>> paths = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<RatingOpened> events = new ArrayList<>();
        for (int i = 0; i < c.ratings().size(); i++) {
            OpenRatings.Row row = c.ratings().get(i);
            String at = "ratings[" + i + "].";
            if (!seen.add(String.valueOf(row.ratingId()))) {
                throw new LedgerRefusalException(new Refusal(Refusal.Kind.CONFLICT, at + "subjectId",
                        row.subject() + " " + row.subjectId() + " appears twice in the list", null, null));
            }
            events.add(opened(row, on, at, organizations, standings, set, paths));
        }
        events.forEach(e -> apply(e));
    }

    /**
     * One subject put on the round, judged on the facts of {@code standings} (the members' rolls on the day) and the
     * tree; {@code at} prefixes the fields a refusal names, {@code paths} remembers the subtrees already read.
     */
    private RatingOpened opened(OpenRatings.Row c, LocalDate on, String at, OrganizationDirectory organizations,
                                Map<String, MemberStanding> standings, RatingRuleSet set,
                                Map<String, List<String>> paths) {
        RatingSubject subject = c.subject();
        if (!OpenRating.idOf(roundId, subject, c.subjectId()).equals(c.ratingId())) {
            throw LedgerRefusalException.invalid(at + "ratingId", "one rating per subject in a round");
        }
        if (ratings.containsKey(c.ratingId())) {
            throw new LedgerRefusalException(new Refusal(Refusal.Kind.CONFLICT, at + "subjectId",
                    subject + " " + c.subjectId() + " is already rated in this round", null, null));
        }
        String organizationId;
        if (subject.isPerson()) {
            MemberStanding standing = standings.get(c.subjectId());
            if (standing == null) {
                throw LedgerRefusalException.notFound(at + "subjectId", "member " + c.subjectId()
                        + " is on no roll on " + judgedOn(on));
            }
            set.exclusions().judge(subject, year, standing.fullyExempt(), standing.suspended(), standing.admittedOn())
                    .ifPresent(r1 -> {
                        throw LedgerRefusalException.rule(r1, at + "subjectId");
                    });
            organizationId = standing.organizationId();
            if (subject == RatingSubject.LEADER) {
                organizationId = requiredText(c.organizationId(), at + "organizationId");
                organization(organizations, organizationId, at + "organizationId");
            }
        } else {
            OrganizationEntry rated = organization(organizations, c.subjectId(), at + "subjectId");
            if (subject == RatingSubject.CELL && rated.level() != vn.partyledger.api.organization.OrganizationLevel.CELL) {
                throw LedgerRefusalException.invalid(at + "subjectId", "organisation " + c.subjectId()
                        + " is not a cell");
            }
            if (subject == RatingSubject.GRASSROOTS_ORG && !rated.grassroots()) {
                throw LedgerRefusalException.invalid(at + "subjectId",
                        "organisation " + c.subjectId() + " is not a grassroots organisation");
            }
            organizationId = rated.organizationId();
        }
        List<String> path = paths.computeIfAbsent(organizationId, id -> {
            List<String> up = new ArrayList<>();
            up.add(id);
            up.addAll(organizations.ancestors(id));
            return List.copyOf(up);
        });
        boolean collectiveRatesItself = !subject.isPerson() && subject != RatingSubject.COMMITTEE
                && organizationId.equals(bodyId);
        if (!path.contains(bodyId) || collectiveRatesItself) {
            throw LedgerRefusalException.rule(RuleOutcome.violation("R-SCOPE", ORDER_BASIS,
                    subject + " " + c.subjectId() + " is outside the subtree the deciding body " + bodyId
                            + " rates"), at + "subjectId");
        }
        return new RatingOpened(roundId, c.ratingId(), organizationId, bodyId, year, subject, c.subjectId(), path,
                ruleSetId, on);
    }

    /** A person is put on the round as they stand on the day, or at the year's end when that comes first. */
    private LocalDate judgedOn(LocalDate on) {
        return on.isBefore(yearEnd()) ? on : yearEnd();
    }

    @CommandHandler
    void handle(SubmitSelfReview c, RatingRuleSets ruleSets) {
        Rating r = undecided(c.ratingId());
        if (r.selfReviewed) {
            throw LedgerRefusalException.state("rating " + c.ratingId() + " already has its self-review");
        }
        RatingRuleSet set = ruleSet(ruleSets);
        known(set, r.subject, c.proposedLevel(), "proposedLevel");
        Score score = c.score();
        if (set.scored()) {
            required(score, "score");
            range(score.general(), set.score().generalMax(), "score.general");
            range(score.tasks(), set.score().taskMax(), "score.tasks");
        } else if (score != null) {
            throw LedgerRefusalException.invalid("score", "the rule set of " + year + " (" + set.id()
                    + ") has no 100-point score");
        }
        apply(new SelfReviewSubmitted(roundId, c.ratingId(), r.organizationId, c.proposedLevel(), score, c.summary(),
                required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(RecordCellReview c, RatingRuleSets ruleSets) {
        Rating r = reviewed(c.ratingId());
        if (!r.subject.isPerson()) {
            throw LedgerRefusalException.state("the cell discusses members' self-reviews, not a " + r.subject);
        }
        known(ruleSet(ruleSets), r.subject, c.proposedLevel(), "proposedLevel");
        if (c.vote() != null && (c.vote().approving() < 0 || c.vote().against() < 0
                || c.vote().approving() + c.vote().against() > c.vote().present())) {
            throw LedgerRefusalException.invalid("vote", "more votes than members present");
        }
        apply(new CellReviewHeld(roundId, c.ratingId(), r.organizationId, c.comments(), c.proposedLevel(), c.vote(),
                required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(RecordResidenceComment c) {
        Rating r = reviewed(c.ratingId());
        if (r.subject != RatingSubject.MEMBER) {
            throw LedgerRefusalException.state("a residence comment concerns a member, not a " + r.subject);
        }
        requiredText(c.comment(), "comment");
        apply(new ResidenceCommentReceived(roundId, c.ratingId(), r.organizationId, c.residenceOrganization(),
                c.comment(), required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(AppraiseRating c, RatingRuleSets ruleSets) {
        Rating r = reviewed(c.ratingId());
        known(ruleSet(ruleSets), r.subject, c.proposedLevel(), "proposedLevel");
        apply(new RatingAppraised(roundId, c.ratingId(), r.organizationId, c.proposedLevel(), c.remarks(),
                required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(DecideRatings c, RatingRuleSets ruleSets, RatingLookups lookups) {
        open();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requiredText(c.decisionNo(), "decisionNo");
        if (c.ratings() == null || c.ratings().isEmpty()) {
            throw LedgerRefusalException.invalid("ratings", "a decision names at least one rating");
        }
        RatingRuleSet set = ruleSet(ruleSets);
        Set<String> seen = new HashSet<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < c.ratings().size(); i++) {
            DecisionRow row = c.ratings().get(i);
            String at = "ratings[" + i + "].";
            if (row == null || row.ratingId() == null || !seen.add(row.ratingId())) {
                throw LedgerRefusalException.invalid(at + "ratingId", "each rating appears once in a decision");
            }
            Rating r = ratings.get(row.ratingId());
            if (r == null) {
                throw LedgerRefusalException.notFound(at + "ratingId", "no rating " + row.ratingId() + " in this round");
            }
            if (r.state != State.OPEN) {
                throw LedgerRefusalException.rule(RuleOutcome.violation("R-DECIDED", ORDER_BASIS,
                        "rating " + row.ratingId() + " is already decided (" + r.level + "); reopen it and redecide"),
                        at + "ratingId");
            }
            if (r.subject == RatingSubject.MEMBER) {
                members.add(r.subjectId);
            }
        }
        Map<String, MemberYearEvidence> evidence = lookups.evidence(members, year, on);
        Map<String, RatingLevel> decidedNow = new HashMap<>();
        List<RatingDecided> events = new ArrayList<>();
        for (int i = 0; i < c.ratings().size(); i++) {
            DecisionRow row = c.ratings().get(i);
            String at = "ratings[" + i + "].";
            Rating r = ratings.get(row.ratingId());
            if (!r.selfReviewed) {
                throw LedgerRefusalException.rule(RuleOutcome.violation("R-ORDER", ORDER_BASIS,
                        "rating " + row.ratingId() + " has no self-review yet; the self-review comes first"),
                        at + "ratingId");
            }
            Integer score = judgeRow(set, r, row, at);
            inOrder(row.ratingId(), r, decidedNow, at);
            decidedNow.put(row.ratingId(), row.level());
            MemberYearEvidence facts = r.subject == RatingSubject.MEMBER ? evidence.get(r.subjectId) : null;
            events.add(new RatingDecided(roundId, row.ratingId(), r.organizationId, bodyId, year, r.subject,
                    r.subjectId, row.level(), score, c.decisionNo(), on, ruleSetId, null,
                    warnings(set, row.level(), score, facts), facts));
        }
        List<RatingDecided> judged = quota(set, c.ratings(), decidedNow, c.quotaOverride(), events);
        judged.forEach(e -> apply(e));
    }

    @CommandHandler
    void handle(PublishRating c) {
        Rating r = rating(c.ratingId());
        if (r.state != State.DECIDED) {
            throw LedgerRefusalException.state("only a decided rating is published; rating " + c.ratingId() + " is "
                    + r.state);
        }
        apply(new RatingPublished(roundId, c.ratingId(), r.organizationId, r.level,
                required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(ReopenRating c) {
        open();
        Rating r = rating(c.ratingId());
        required(c.reason(), "reason");
        requiredText(c.details(), "details");
        if (r.state != State.DECIDED && r.state != State.PUBLISHED) {
            throw LedgerRefusalException.state("only a decided rating is reopened; rating " + c.ratingId() + " is "
                    + r.state);
        }
        apply(new RatingReopened(roundId, c.ratingId(), r.organizationId, r.level, c.reason(), c.details(),
                required(c.occurredOn(), "occurredOn")));
    }

    @CommandHandler
    void handle(RedecideRating c, RatingRuleSets ruleSets, RatingLookups lookups) {
        open();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requiredText(c.decisionNo(), "decisionNo");
        DecisionRow row = required(c.rating(), "rating");
        Rating r = rating(row.ratingId());
        if (r.state != State.REOPENED) {
            throw LedgerRefusalException.state("rating " + row.ratingId() + " is " + r.state
                    + "; only a reopened rating is decided again");
        }
        RatingRuleSet set = ruleSet(ruleSets);
        Integer score = judgeRow(set, r, row, "rating.");
        MemberYearEvidence facts = r.subject == RatingSubject.MEMBER
                ? lookups.evidence(List.of(r.subjectId), year, on).get(r.subjectId) : null;
        RatingDecided decided = new RatingDecided(roundId, row.ratingId(), r.organizationId, bodyId, year, r.subject,
                r.subjectId, row.level(), score, c.decisionNo(), on, ruleSetId, null,
                warnings(set, row.level(), score, facts), facts);
        RatingDecided judged = quota(set, List.of(row), Map.of(row.ratingId(), row.level()), c.quotaOverride(),
                List.of(decided)).get(0);
        apply(new RatingRedecided(roundId, row.ratingId(), r.organizationId, bodyId, year, r.subject, r.subjectId,
                r.level, row.level(), score, c.decisionNo(), on, ruleSetId, judged.quotaOverride(),
                judged.outcomes(), facts));
    }

    /**
     * A clerical error in the recording of the decision in force (a level or score entered wrongly, a wrong number) is
     * corrected under the rules that judged the decision, on its date: the rule set's levels and score (R1), R2, R4,
     * the R3 quota over the round and the R5 warnings with the ledger's facts of that date. A reopened rating is not
     * corrected but decided again; a closed round's decisions can still be corrected, since the record must say what
     * was decided.
     */
    @CommandHandler
    void handle(CorrectRatingDecision c, RatingRuleSets ruleSets, RatingLookups lookups) {
        requiredText(c.correctsEventId(), "correctsEventId");
        required(c.occurredOn(), "occurredOn");
        DecisionRow row = required(c.rating(), "rating");
        Rating r = rating(row.ratingId());
        if (r.state != State.DECIDED && r.state != State.PUBLISHED) {
            throw LedgerRefusalException.state("rating " + row.ratingId() + " is " + r.state + "; only the decision "
                    + "in force is corrected (a reopened rating is decided again)");
        }
        if (c.decisionNo() != null && c.decisionNo().isBlank()) {
            throw LedgerRefusalException.invalid("decisionNo", "a decision number is not blank");
        }
        RatingRuleSet set = ruleSet(ruleSets);
        Integer score = judgeRow(set, r, row, "rating.");
        String decisionNo = c.decisionNo() == null ? r.decisionNo : c.decisionNo().strip();
        if (row.level() == r.level && Objects.equals(score, r.decidedScore) && decisionNo.equals(r.decisionNo)) {
            throw LedgerRefusalException.invalid("rating", "the correction repeats the recorded decision");
        }
        MemberYearEvidence facts = r.subject == RatingSubject.MEMBER
                ? lookups.evidence(List.of(r.subjectId), year, r.decidedOn).get(r.subjectId) : null;
        RatingDecided decided = new RatingDecided(roundId, row.ratingId(), r.organizationId, bodyId, year, r.subject,
                r.subjectId, row.level(), score, decisionNo, r.decidedOn, ruleSetId, null,
                warnings(set, row.level(), score, facts), facts);
        RatingDecided judged = quota(set, List.of(row), Map.of(row.ratingId(), row.level()), c.quotaOverride(),
                List.of(decided)).get(0);
        apply(new RatingDecisionCorrected(roundId, row.ratingId(), r.organizationId, bodyId, year, r.subject,
                r.subjectId, r.level, row.level(), score, decisionNo, r.decidedOn, ruleSetId, judged.quotaOverride(),
                judged.outcomes(), facts, c.correctsEventId()));
    }

    @CommandHandler
    void handle(CloseRatingRound c) {
        open();
        int decided = (int) ratings.values().stream().filter(r -> r.level != null).count();
        apply(new RatingRoundClosed(roundId, bodyId, year, decided, ratings.size() - decided,
                required(c.occurredOn(), "occurredOn")));
    }

    @EventSourcingHandler
    void on(RatingRoundOpened e) {
        roundId = e.roundId();
        bodyId = e.organizationId();
        year = e.year();
        ruleSetId = e.ruleSetId();
    }

    @EventSourcingHandler
    void on(RatingOpened e) {
        Rating r = new Rating();
        r.subject = e.subject();
        r.subjectId = e.subjectId();
        r.organizationId = e.organizationId();
        r.path = e.organizationPath();
        ratings.put(e.ratingId(), r);
    }

    @EventSourcingHandler
    void on(SelfReviewSubmitted e) {
        Rating r = ratings.get(e.ratingId());
        r.selfReviewed = true;
        r.score = e.score();
    }

    @EventSourcingHandler
    void on(RatingDecided e) {
        Rating r = ratings.get(e.ratingId());
        r.state = State.DECIDED;
        r.level = e.level();
        decision(r, e.decisionNo(), e.decidedOn(), e.score());
    }

    @EventSourcingHandler
    void on(RatingDecisionCorrected e) {
        Rating r = ratings.get(e.ratingId());
        r.level = e.level();
        decision(r, e.decisionNo(), e.decidedOn(), e.score());
    }

    private static void decision(Rating r, String decisionNo, LocalDate decidedOn, Integer score) {
        r.decisionNo = decisionNo;
        r.decidedOn = decidedOn;
        r.decidedScore = score;
    }

    @EventSourcingHandler
    void on(RatingPublished e) {
        ratings.get(e.ratingId()).state = State.PUBLISHED;
    }

    @EventSourcingHandler
    void on(RatingReopened e) {
        ratings.get(e.ratingId()).state = State.REOPENED;
    }

    @EventSourcingHandler
    void on(RatingRedecided e) {
        Rating r = ratings.get(e.ratingId());
        r.state = State.DECIDED;
        r.level = e.level();
        decision(r, e.decisionNo(), e.decidedOn(), e.score());
    }

    @EventSourcingHandler
    void on(RatingRoundClosed e) {
        closed = true;
    }

    /** Level, score, R2 and R4 for one row; answers the score the decision records. */
    private Integer judgeRow(RatingRuleSet set, Rating r, DecisionRow row, String at) {
        known(set, r.subject, row.level(), at + "level");
        Integer score = row.score();
        if (set.scored()) {
            if (score == null && r.score != null) {
                score = r.score.total();
            }
            if (score != null) {
                range(score, set.score().max(), at + "score");
            }
        } else if (score != null) {
            throw LedgerRefusalException.invalid(at + "score", "the rule set of " + year + " (" + set.id()
                    + ") has no 100-point score");
        }
        if (set.discipline() != null) {
            set.discipline().judge(year, row.level(), row.discipline()).ifPresent(r2 -> {
                throw LedgerRefusalException.rule(r2, at + "level");
            });
        }
        if (set.civilServant() != null && r.subject.isPerson()) {
            set.civilServant().judge(row.level(), row.civilServantLevel()).ifPresent(r4 -> {
                throw LedgerRefusalException.rule(r4, at + "level");
            });
        }
        return score;
    }

    private static List<RuleOutcome> warnings(RatingRuleSet set, RatingLevel level, Integer score,
                                              MemberYearEvidence facts) {
        return set.scored() ? set.score().contradictions(level, score, facts) : List.of();
    }

    /**
     * The order of §2.6 within the round: a grassroots organisation after the cells under it, a leader after the
     * committee and the unit they head. A prerequisite decided earlier in the same list counts.
     */
    private void inOrder(String ratingId, Rating r, Map<String, RatingLevel> decidedNow, String at) {
        for (Map.Entry<String, Rating> e : ratings.entrySet()) {
            Rating other = e.getValue();
            boolean prerequisite = switch (r.subject) {
                case GRASSROOTS_ORG -> other.subject == RatingSubject.CELL && other.path.size() > 1
                        && other.path.subList(1, other.path.size()).contains(r.organizationId);
                case LEADER -> other.organizationId.equals(r.organizationId) && (other.subject == RatingSubject.COMMITTEE
                        || other.subject == RatingSubject.CELL || other.subject == RatingSubject.GRASSROOTS_ORG);
                default -> false;
            };
            if (prerequisite && other.level == null && !decidedNow.containsKey(e.getKey())) {
                throw LedgerRefusalException.rule(RuleOutcome.violation(ORDER_RULE, ORDER_BASIS,
                        r.subject + " " + r.subjectId + " is decided after " + other.subject + " " + other.subjectId
                                + " (rating " + e.getKey() + "), which is not decided yet"), at + "ratingId");
            }
        }
    }

    /**
     * R3 over the round after this decision: the ratings decided before (minus those decided again now) and the rows.
     * Refused unless the decision cites an overriding authority, which is then recorded on every row of that subject.
     */
    private List<RatingDecided> quota(RatingRuleSet set, List<DecisionRow> rows, Map<String, RatingLevel> decidedNow,
                                      Authority override, List<RatingDecided> events) {
        if (set.quota() == null) {
            return events;
        }
        Map<RatingSubject, long[]> counts = new HashMap<>();
        for (Map.Entry<String, Rating> e : ratings.entrySet()) {
            RatingLevel level = decidedNow.containsKey(e.getKey()) ? decidedNow.get(e.getKey()) : e.getValue().level;
            long[] c = counts.computeIfAbsent(e.getValue().subject, k -> new long[2]);
            if (level == RatingLevel.EXCELLENT) {
                c[0]++;
            } else if (level == RatingLevel.GOOD) {
                c[1]++;
            }
        }
        List<RatingDecided> judged = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RatingDecided e = events.get(i);
            long[] c = counts.get(e.subject());
            if (!set.quota().appliesTo(e.subject()) || set.quota().within(c[0], c[1])
                    || !raisesRatio(rows, e.subject())) {
                judged.add(e);
                continue;
            }
            RuleOutcome breach = set.quota().judge(c[0], c[1]);
            if (override == null) {
                throw LedgerRefusalException.rule(breach, firstExcellent(rows, e.subject(), i));
            }
            List<RuleOutcome> outcomes = new ArrayList<>(e.outcomes());
            outcomes.add(RuleOutcome.warning(breach.rule(), breach.basis(), breach.message() + "; exceeded on the "
                    + "authority of " + override.docNo() + " (" + override.issuer() + ")"));
            judged.add(new RatingDecided(e.roundId(), e.ratingId(), e.organizationId(), e.decidingBodyId(), e.year(),
                    e.subject(), e.subjectId(), e.level(), e.score(), e.decisionNo(), e.decidedOn(), e.ruleSetId(),
                    override, List.copyOf(outcomes), e.evidence()));
        }
        return judged;
    }

    /** Only a decision that adds an EXCELLENT or takes a GOOD away can break the quota; others leave it as it was. */
    private boolean raisesRatio(List<DecisionRow> rows, RatingSubject subject) {
        for (DecisionRow row : rows) {
            Rating r = ratings.get(row.ratingId());
            if (r.subject == subject && (row.level() == RatingLevel.EXCELLENT || r.level == RatingLevel.GOOD)) {
                return true;
            }
        }
        return false;
    }

    /** The field a quota refusal names: the first EXCELLENT row of the subject, else the row being judged. */
    private String firstExcellent(List<DecisionRow> rows, RatingSubject subject, int fallback) {
        for (int i = 0; i < rows.size(); i++) {
            Rating r = ratings.get(rows.get(i).ratingId());
            if (r.subject == subject && rows.get(i).level() == RatingLevel.EXCELLENT) {
                return (rows.size() == 1 ? "rating" : "ratings[" + i + "]") + ".level";
            }
        }
        return (rows.size() == 1 ? "rating" : "ratings[" + fallback + "]") + ".level";
    }

    private void known(RatingRuleSet set, RatingSubject subject, RatingLevel level, String field) {
        required(level, field);
        if (!set.scheme().knows(subject, level)) {
            throw LedgerRefusalException.invalid(field, "the rule set of " + year + " (" + set.id() + ") rates a "
                    + subject + " " + set.scheme().levelsFor(subject) + ", not " + level);
        }
    }

    private static void range(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw LedgerRefusalException.invalid(field, "must be between 0 and " + max);
        }
    }

    private RatingRuleSet ruleSet(RatingRuleSets ruleSets) {
        return ruleSets.byId(ruleSetId).orElseThrow(() ->
                new IllegalStateException("rule set " + ruleSetId + " of round " + roundId + " is not configured"));
    }

    private void open() {
        if (closed) {
            throw LedgerRefusalException.state("the " + year + " round of " + bodyId + " is closed");
        }
    }

    private Rating rating(String ratingId) {
        Rating r = ratingId == null ? null : ratings.get(ratingId);
        if (r == null) {
            throw LedgerRefusalException.notFound("ratingId", "no rating " + ratingId + " in round " + roundId);
        }
        return r;
    }

    private Rating undecided(String ratingId) {
        open();
        Rating r = rating(ratingId);
        if (r.state != State.OPEN) {
            throw LedgerRefusalException.state("rating " + ratingId + " is already decided");
        }
        return r;
    }

    private Rating reviewed(String ratingId) {
        Rating r = undecided(ratingId);
        if (!r.selfReviewed) {
            throw LedgerRefusalException.state("rating " + ratingId + " has no self-review yet; it comes first");
        }
        return r;
    }

    private LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }

    private static OrganizationEntry organization(OrganizationDirectory organizations, String id, String field) {
        return organizations.find(id).orElseThrow(() ->
                LedgerRefusalException.notFound(field, "no organisation " + id));
    }

    /** The province a body belongs to (the root of its branch): rule sets may differ per province. */
    private static String province(OrganizationDirectory organizations, String bodyId) {
        List<String> up = organizations.ancestors(bodyId);
        return up.isEmpty() ? bodyId : up.get(up.size() - 1);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }
}
