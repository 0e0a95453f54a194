package vn.partyledger.ops.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.rating.AppraiseRating;
import vn.partyledger.api.rating.CloseRatingRound;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.DecideRatings;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.FindTargetCompliance;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.OpenRatings;
import vn.partyledger.api.rating.PublishRating;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.RecordCellReview;
import vn.partyledger.api.rating.RecordResidenceComment;
import vn.partyledger.api.rating.RedecideRating;
import vn.partyledger.api.rating.ReopenRating;
import vn.partyledger.api.rating.ReopenReason;
import vn.partyledger.api.rating.ReviewVote;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SetCongressTargets;
import vn.partyledger.api.rating.SubmitSelfReview;
import vn.partyledger.api.rating.TargetCompliance;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.rating.DisciplineFact;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.history.HistoryFilter;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Annual quality ratings (§2.6): a deciding body's round for a year, the ratings in it and their steps, decisions over
 * a list of subjects in one document, and the distribution, target compliance and history read back. A round id is
 * {@code round:<bodyId>:<year>} and a rating id {@code rating:<bodyId>:<year>:<SUBJECT>:<subjectId>}
 * (docs/decisions/0008), so the round and the organisations to check access on are read from the id itself.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ratings", description = "Annual quality ratings (đánh giá, xếp loại chất lượng) and congress targets")
class RatingController {

    private static final String ROUNDS = "/api/v1/rating-rounds";
    private static final String RATINGS = "/api/v1/ratings";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory organizations;
    private final MemberDirectory members;

    RatingController(Commands commands, QueryGateway queries, OrganizationDirectory organizations,
                     MemberDirectory members) {
        this.commands = commands;
        this.queries = queries;
        this.organizations = organizations;
        this.members = members;
    }

    record RoundRequest(@NotBlank @Size(max = 100) String decidingBodyId, @NotNull @Min(1930) @Max(2100) Integer year,
                        @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/rating-rounds")
    @Operation(summary = "The deciding body opens its rating round for the year")
    ResponseEntity<Created> openRound(@Valid @RequestBody RoundRequest r) {
        knownOrganization(r.decidingBodyId());
        String roundId = OpenRatingRound.idOf(r.decidingBodyId(), r.year());
        commands.send(new OpenRatingRound(roundId, r.decidingBodyId(), r.year(), r.occurredOn()), r.authority());
        return Created.at(ROUNDS, roundId);
    }

    record SubjectDto(@NotNull RatingSubject subject, @NotBlank @Size(max = 100) String subjectId,
                      @Size(max = 100) String organizationId) {
    }

    /** One subject ({@code subject}, {@code subjectId}, {@code organizationId}) or a list of them ({@code ratings}). */
    record RatingRequest(RatingSubject subject, @Size(max = 100) String subjectId,
                         @Size(max = 100) String organizationId,
                         @Size(max = 5000) List<@NotNull @Valid SubjectDto> ratings,
                         @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    /** The ids of the ratings a list put on the round, in the list's order. */
    record CreatedRatings(List<String> ids) {
    }

    /**
     * One subject answers 201 with the rating's id; a list ({@code ratings}: a commune's whole roll) is one command,
     * one transaction, all rows or none, a refusal naming the row ({@code ratings[37].subjectId}), and answers 201
     * with the ids in the list's order.
     */
    @PostMapping("/rating-rounds/{id}/ratings")
    @Operation(summary = "Put a member, cell, grassroots organisation, committee or leader on the round — or a list "
            + "of them in one request (all or nothing)")
    ResponseEntity<?> openRating(@PathVariable String id, @Valid @RequestBody RatingRequest r) {
        bodyOfRound(id);
        if (r.ratings() != null) {
            if (r.subject() != null || r.subjectId() != null || r.organizationId() != null) {
                throw LedgerRefusalException.invalid("ratings", "either one subject or a list, not both");
            }
            if (r.ratings().isEmpty()) {
                throw LedgerRefusalException.invalid("ratings", "a list names at least one subject");
            }
            List<OpenRatings.Row> rows = r.ratings().stream().map(x -> new OpenRatings.Row(
                    OpenRating.idOf(id, x.subject(), x.subjectId()), x.subject(), x.subjectId(), x.organizationId()))
                    .toList();
            commands.send(new OpenRatings(id, rows, r.occurredOn()), r.authority());
            return ResponseEntity.created(URI.create(ROUNDS + "/" + id))
                    .body(new CreatedRatings(rows.stream().map(OpenRatings.Row::ratingId).toList()));
        }
        if (r.subject() == null) {
            throw LedgerRefusalException.invalid("subject", "must not be null");
        }
        if (r.subjectId() == null || r.subjectId().isBlank()) {
            throw LedgerRefusalException.invalid("subjectId", "must not be blank");
        }
        String ratingId = OpenRating.idOf(id, r.subject(), r.subjectId());
        commands.send(new OpenRating(id, ratingId, r.subject(), r.subjectId(), r.organizationId(), r.occurredOn()),
                r.authority());
        return Created.at(RATINGS, ratingId);
    }

    record ScoreDto(@NotNull @Min(0) @Max(100) Integer general, @NotNull @Min(0) @Max(100) Integer tasks) {
        Score toScore() {
            return new Score(general, tasks);
        }
    }

    record SelfReviewRequest(@NotNull RatingLevel proposedLevel, @Valid ScoreDto score,
                             @Size(max = 8000) String summary, @NotNull @PastOrPresent LocalDate occurredOn,
                             @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/self-review")
    @Operation(summary = "The subject's self-review with its proposed level (and score where the year has one)")
    ResponseEntity<Created> selfReview(@PathVariable String id, @Valid @RequestBody SelfReviewRequest r) {
        String round = recordForSubject(id);
        commands.send(new SubmitSelfReview(round, id, r.proposedLevel(), r.score() == null ? null : r.score().toScore(),
                r.summary(), r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    record VoteDto(@NotNull @Min(0) Integer approving, @NotNull @Min(0) Integer against,
                   @NotNull @Min(0) Integer present) {
    }

    record CellReviewRequest(@Size(max = 8000) String comments, @NotNull RatingLevel proposedLevel,
                             @Valid VoteDto vote, @NotNull @PastOrPresent LocalDate occurredOn,
                             @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/cell-review")
    @Operation(summary = "The cell discussed the member's self-review, commented, proposed a level and voted")
    ResponseEntity<Created> cellReview(@PathVariable String id, @Valid @RequestBody CellReviewRequest r) {
        String round = recordForSubject(id);
        ReviewVote vote = r.vote() == null ? null
                : new ReviewVote(r.vote().approving(), r.vote().against(), r.vote().present());
        commands.send(new RecordCellReview(round, id, r.comments(), r.proposedLevel(), vote, r.occurredOn()),
                r.authority());
        return Created.accepted(RATINGS, id);
    }

    record ResidenceCommentRequest(@Size(max = 300) String residenceOrganization,
                                   @NotBlank @Size(max = 8000) String comment,
                                   @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/residence-comment")
    @Operation(summary = "The residence cell's comment on a member who works elsewhere (QĐ 213)")
    ResponseEntity<Created> residenceComment(@PathVariable String id, @Valid @RequestBody ResidenceCommentRequest r) {
        String round = recordForSubject(id);
        commands.send(new RecordResidenceComment(round, id, r.residenceOrganization(), r.comment(), r.occurredOn()),
                r.authority());
        return Created.accepted(RATINGS, id);
    }

    record AppraisalRequest(@NotNull RatingLevel proposedLevel, @Size(max = 8000) String remarks,
                            @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/appraisal")
    @Operation(summary = "The advisory body appraised the rating and proposes a level")
    ResponseEntity<Created> appraisal(@PathVariable String id, @Valid @RequestBody AppraisalRequest r) {
        String round = recordForBody(id);
        commands.send(new AppraiseRating(round, id, r.proposedLevel(), r.remarks(), r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    record DisciplineDto(@NotBlank @Size(max = 100) String form, @NotNull LocalDate decidedOn, boolean remedied) {
        DisciplineFact toFact() {
            return new DisciplineFact(form, decidedOn, remedied);
        }
    }

    record RowDto(@NotBlank @Size(max = 400) String ratingId, @NotNull RatingLevel level,
                  @Min(0) @Max(100) Integer score, RatingLevel civilServantLevel, @Valid DisciplineDto discipline) {
        DecisionRow toRow() {
            return new DecisionRow(ratingId, level, score, civilServantLevel,
                    discipline == null ? null : discipline.toFact());
        }
    }

    record DecisionListRequest(@NotBlank @Size(max = 100) String decisionNo,
                               @NotEmpty @Size(max = 5000) List<@NotNull @Valid RowDto> ratings,
                               @Valid AuthorityDto quotaOverride, @NotNull @PastOrPresent LocalDate occurredOn,
                               @Valid AuthorityDto authority) {
    }

    /**
     * One decision document over a list: one command, one transaction, all rows or none; a refusal names the row
     * ({@code ratings[37].level}).
     */
    @PostMapping("/rating-rounds/{id}/decisions")
    @Operation(summary = "The deciding body decides a list of ratings in one document (all or nothing)")
    ResponseEntity<Created> decideList(@PathVariable String id, @Valid @RequestBody DecisionListRequest r) {
        bodyOfRound(id);
        commands.send(new DecideRatings(id, r.decisionNo(), r.ratings().stream().map(RowDto::toRow).toList(),
                AuthorityDto.toAuthority(r.quotaOverride()), r.occurredOn()), r.authority());
        return Created.accepted(ROUNDS, id);
    }

    record DecisionRequest(@NotBlank @Size(max = 100) String decisionNo, @NotNull RatingLevel level,
                           @Min(0) @Max(100) Integer score, RatingLevel civilServantLevel,
                           @Valid DisciplineDto discipline, @Valid AuthorityDto quotaOverride,
                           @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
        DecisionRow toRow(String ratingId) {
            return new DecisionRow(ratingId, level, score, civilServantLevel,
                    discipline == null ? null : discipline.toFact());
        }
    }

    @PostMapping("/ratings/{id}/decision")
    @Operation(summary = "The deciding body decides one rating (a decision list of one row)")
    ResponseEntity<Created> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest r) {
        String round = recordForBody(id);
        commands.send(new DecideRatings(round, r.decisionNo(), List.of(r.toRow(id)),
                AuthorityDto.toAuthority(r.quotaOverride()), r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    record DatedRequest(@NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/publication")
    @Operation(summary = "Publish the decided level")
    ResponseEntity<Created> publish(@PathVariable String id, @Valid @RequestBody DatedRequest r) {
        String round = recordForBody(id);
        commands.send(new PublishRating(round, id, r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    record ReopeningRequest(@NotNull ReopenReason reason, @NotBlank @Size(max = 4000) String details,
                            @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/ratings/{id}/reopening")
    @Operation(summary = "Reopen a decided rating on a complaint or a sign of a violation")
    ResponseEntity<Created> reopen(@PathVariable String id, @Valid @RequestBody ReopeningRequest r) {
        String round = recordForBody(id);
        commands.send(new ReopenRating(round, id, r.reason(), r.details(), r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    @PostMapping("/ratings/{id}/redecision")
    @Operation(summary = "Decide a reopened rating again")
    ResponseEntity<Created> redecide(@PathVariable String id, @Valid @RequestBody DecisionRequest r) {
        String round = recordForBody(id);
        commands.send(new RedecideRating(round, r.decisionNo(), r.toRow(id),
                AuthorityDto.toAuthority(r.quotaOverride()), r.occurredOn()), r.authority());
        return Created.accepted(RATINGS, id);
    }

    @PostMapping("/rating-rounds/{id}/closing")
    @Operation(summary = "Close the round")
    ResponseEntity<Created> close(@PathVariable String id, @Valid @RequestBody DatedRequest r) {
        bodyOfRound(id);
        commands.send(new CloseRatingRound(id, r.occurredOn()), r.authority());
        return Created.accepted(ROUNDS, id);
    }

    record TargetDto(@Size(max = 300) String label, @NotNull RatingSubject subject, @NotNull RatingLevel level,
                     boolean orBetter, @NotNull CongressTarget.Comparison comparison,
                     @NotNull @Min(0) @Max(100) Integer percent) {
        CongressTarget toTarget() {
            return new CongressTarget(label, subject, level, orBetter, comparison, percent);
        }
    }

    record TargetsRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid TargetDto> targets,
                          @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PutMapping("/organizations/{id}/targets/{term}")
    @Operation(summary = "Enter (or revise) the congress resolution's rating targets for a term, e.g. 2020-2025")
    ResponseEntity<Created> setTargets(@PathVariable String id,
                                       @PathVariable @Pattern(regexp = "\\d{4}-\\d{4}") String term,
                                       @Valid @RequestBody TargetsRequest r) {
        knownOrganization(id);
        String targetsId = SetCongressTargets.idOf(id, term);
        commands.send(new SetCongressTargets(targetsId, id, term, r.targets().stream().map(TargetDto::toTarget)
                .toList(), r.occurredOn()), r.authority());
        return ResponseEntity.ok(new Created(targetsId));
    }

    /**
     * {@code asOf}: true on that business date (ratings opened and decided by then); {@code knownAt}: as the ledger
     * stood at that instant (a correction recorded later is not yet applied). Both are stated in the provenance.
     */
    @GetMapping("/organizations/{id}/rating-distribution")
    @Operation(summary = "Counts and shares per level, not rated with reasons, and R3 per decision scope; asOf a "
            + "business date and knownAt an instant")
    ResponseEntity<RatingDistribution> distribution(@PathVariable String id,
            @RequestParam @Min(1930) @Max(2100) int year, @RequestParam RatingSubject subject,
            @RequestParam(defaultValue = "HALF_UP") PercentDisplay rounding,
            @RequestParam(defaultValue = "1") @Min(0) @Max(4) int decimals,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        HistoryFilter.inRange("knownAt", knownAt);
        knownOrganization(id);
        RatingDistribution answer = queries.query(new FindRatingDistribution(id, year, subject, rounding, decimals,
                        asOf, knownAt), ResponseTypes.instanceOf(RatingDistribution.class)).join();
        return Reads.ok(answer, answer.provenance());
    }

    @GetMapping("/organizations/{id}/target-compliance")
    @Operation(summary = "Shares of cells and members at the target levels in each year of the term")
    ResponseEntity<TargetCompliance> compliance(@PathVariable String id,
            @RequestParam @Pattern(regexp = "\\d{4}-\\d{4}") String term) {
        knownOrganization(id);
        TargetCompliance answer = queries.query(new FindTargetCompliance(id, term),
                ResponseTypes.instanceOf(TargetCompliance.class)).join();
        return Reads.ok(answer, answer.provenance());
    }

    @GetMapping("/members/{id}/ratings")
    @Operation(summary = "The member's ratings across years, with the rule set of each year and its evidence; asOf a "
            + "business date and knownAt an instant")
    ResponseEntity<MemberRatings> history(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        HistoryFilter.inRange("knownAt", knownAt);
        MemberEntry member = members.find(id).orElseThrow(() -> new UnknownResourceException("no member " + id));
        MemberRatings answer = queries.query(new FindMemberRatings(id, asOf, knownAt),
                ResponseTypes.instanceOf(MemberRatings.class)).join();
        return Reads.ok(answer, answer.provenance());
    }

    private void knownOrganization(String id) {
        organizations.find(id).orElseThrow(() -> new UnknownResourceException("no organisation " + id));
    }

    /** The deciding body named in a round id; an id that is not a round's is unknown. */
    private static String bodyOfRound(String roundId) {
        String body = OpenRatingRound.bodyOf(roundId);
        if (body == null) {
            throw new UnknownResourceException("no rating round " + roundId);
        }
        return body;
    }

    /** Steps the deciding body takes (access on the body: AccessTable); answers the round. */
    private String recordForBody(String ratingId) {
        String round = roundOf(ratingId);
        bodyOfRound(round);
        return round;
    }

    /**
     * Steps taken where the subject belongs (self-review, the cell's discussion, the residence comment; access on the
     * subject's organisation, a member's cell: AccessTable); answers the round.
     */
    private String recordForSubject(String ratingId) {
        String round = roundOf(ratingId);
        String[] parts = ratingId.split(":", -1);
        if (RatingSubject.valueOf(parts[3]).isPerson() && members.find(parts[4]).isEmpty()) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        return round;
    }

    private static String roundOf(String ratingId) {
        String round = OpenRating.roundOf(ratingId);
        if (round == null) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        String subject = ratingId.split(":", -1)[3];
        try {
            RatingSubject.valueOf(subject);
        } catch (IllegalArgumentException e) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        return round;
    }
}
