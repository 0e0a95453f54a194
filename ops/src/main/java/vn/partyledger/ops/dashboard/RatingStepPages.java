package vn.partyledger.ops.dashboard;

import static vn.partyledger.ops.dashboard.RatingForms.defaultYear;
import static vn.partyledger.ops.dashboard.RatingForms.parseYear;
import static vn.partyledger.ops.dashboard.RatingForms.positionParameter;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.rating.AppraiseRating;
import vn.partyledger.api.rating.FindRatingRound;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.RatingRoundView;
import vn.partyledger.api.rating.RecordCellReview;
import vn.partyledger.api.rating.RecordResidenceComment;
import vn.partyledger.api.rating.ReviewVote;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SubmitSelfReview;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSet;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * The steps of a rating between putting it on the round and deciding it (§2.6), one form each, as the API takes them
 * one rating at a time: the self-review entered from the member's paper form, the cell's discussion with its
 * proposal and vote, the residence cell's comment on a member who works elsewhere (QĐ 213), and the appraisal by the
 * advisory body. Each form sends the API's command through {@code Commands.send}; whether the step may be taken now
 * (the self-review first, nothing on a decided rating, the levels and the score frame of the year) is the command
 * side's to judge, and its refusal is shown next to the field it names. A cell's page lists its ratings of the year
 * with the step each is at, so a cell secretary reaches the forms without the deciding body's round page.
 */
@Controller
class RatingStepPages extends Pages {

    /** A step, its path under {@code /web/ratings/{id}/} and the fields its form shows (as the API names them). */
    enum Step {
        SELF_REVIEW("self-review", Set.of("proposedLevel", "score", "score.general", "score.tasks", "summary",
                "occurredOn")),
        CELL_REVIEW("cell-review", Set.of("proposedLevel", "comments", "vote", "occurredOn")),
        RESIDENCE_COMMENT("residence-comment", Set.of("residenceOrganization", "comment", "occurredOn")),
        APPRAISAL("appraisal", Set.of("proposedLevel", "remarks", "occurredOn"));

        /** Every step's form offers the optional authority the API's request takes. */
        private static final Set<String> AUTHORITY_FIELDS = Set.of("authority.docNo", "authority.issuer",
                "authority.issuedOn");

        private final String path;
        private final Set<String> fields;

        Step(String path, Set<String> fields) {
            this.path = path;
            this.fields = fields;
        }

        Set<String> fields() {
            Set<String> all = new HashSet<>(fields);
            all.addAll(AUTHORITY_FIELDS);
            return all;
        }

        public String path() {
            return path;
        }

        /** Taken where the subject belongs (its cell); the appraisal is the deciding body's. */
        boolean bySubject() {
            return this != APPRAISAL;
        }
    }

    /** A link to a step still open for a rating. */
    record StepLink(Step step, String ratingId, String text) {
    }

    /** Where a rating stands between opening and deciding, and the steps that can be taken on it now. */
    record Progress(String status, List<StepLink> links) {
    }

    /** One rating on a cell's page: its round, the rating and its progress. */
    record CellLine(int index, RatingRoundView round, String bodyName, RatingRoundView.Entry rating,
                    Progress progress) {
    }

    private static final int TEXT_MAX = 8000;
    private static final int NAME_MAX = 300;

    private final QueryGateway queries;
    private final Commands commands;
    private final Organizations organizations;
    private final OrganizationDirectory directory;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;
    private final RatingRuleSets ruleSets;

    RatingStepPages(QueryGateway queries, Commands commands, Organizations organizations,
                    OrganizationDirectory directory, FormSubmissions submissions, Labels labels, BusinessDay day,
                    RatingRuleSets ruleSets) {
        this.queries = queries;
        this.commands = commands;
        this.organizations = organizations;
        this.directory = directory;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
        this.ruleSets = ruleSets;
    }

    /**
     * The steps a rating is waiting for, in §2.6's order: nothing once decided; the self-review before anything else;
     * then the cell's discussion (people only), the residence comment (members; the round's view does not record it,
     * and the ledger takes more than one, so it stays offered) and the appraisal, none of them required before the
     * decision.
     */
    static Progress progress(RatingRoundView.Entry e, Labels labels) {
        List<StepLink> links = new ArrayList<>();
        if (!"OPEN".equals(e.state())) {
            return new Progress(labels.of("rating.state." + e.state()), links);
        }
        if (e.selfProposed() == null) {
            links.add(link(Step.SELF_REVIEW, e, labels));
            return new Progress(labels.of("rating.step.status.selfReview"), links);
        }
        if (e.subject().isPerson() && e.cellProposed() == null) {
            links.add(link(Step.CELL_REVIEW, e, labels));
        }
        if (e.appraised() == null) {
            links.add(link(Step.APPRAISAL, e, labels));
        }
        if (e.subject() == RatingSubject.MEMBER) {
            links.add(link(Step.RESIDENCE_COMMENT, e, labels));
        }
        return new Progress(labels.of(e.subject().isPerson() && e.cellProposed() == null
                ? "rating.step.status.cellReview" : "rating.step.status.ready"), links);
    }

    /**
     * "Saved: the self-review of Lò Văn Xuân" after a step's form, from the {@code saved} and {@code subjectId} the
     * form's redirect carries; null when they name no step or no rating of the list.
     */
    static String savedNotice(String saved, String subjectId, List<RatingRoundView.Entry> ratings, Labels labels) {
        Step step = saved == null ? null : RatingForms.parseEnum(Step.class, saved);
        if (step == null || subjectId == null) {
            return null;
        }
        return ratings.stream().filter(e -> subjectId.equals(e.subjectId())).findFirst()
                .map(e -> labels.of("rating.step.saved", labels.of("rating.step." + step.name()),
                        e.subjectName() == null ? e.subjectId() : e.subjectName()))
                .orElse(null);
    }

    private static StepLink link(Step step, RatingRoundView.Entry e, Labels labels) {
        return new StepLink(step, e.ratingId(), labels.of("rating.step." + step.name()));
    }

    @GetMapping("/web/ratings/{id}/self-review")
    String selfReviewForm(@PathVariable String id, @RequestParam(required = false) String back, Model model) {
        return showForm(Step.SELF_REVIEW, id, back, model);
    }

    @GetMapping("/web/ratings/{id}/cell-review")
    String cellReviewForm(@PathVariable String id, @RequestParam(required = false) String back, Model model) {
        return showForm(Step.CELL_REVIEW, id, back, model);
    }

    @GetMapping("/web/ratings/{id}/residence-comment")
    String residenceCommentForm(@PathVariable String id, @RequestParam(required = false) String back, Model model) {
        return showForm(Step.RESIDENCE_COMMENT, id, back, model);
    }

    @GetMapping("/web/ratings/{id}/appraisal")
    String appraisalForm(@PathVariable String id, @RequestParam(required = false) String back, Model model) {
        return showForm(Step.APPRAISAL, id, back, model);
    }

    @PostMapping("/web/ratings/{id}/self-review")
    String selfReview(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                      HttpServletResponse response) {
        Rated rated = rated(id);
        RatingRuleSet set = ruleSet(rated.round());
        FormErrors errors = new FormErrors();
        FormFields fields = new FormFields(form, errors, labels, day.today());
        RatingLevel level = fields.choice(RatingLevel.class, "proposedLevel", true);
        Score score = null;
        if (set != null && set.scored()) {
            Integer general = fields.whole("score.general", 0, set.score().generalMax());
            Integer tasks = fields.whole("score.tasks", 0, set.score().taskMax());
            score = general == null || tasks == null ? null : new Score(general, tasks);
        }
        String summary = fields.text("summary", TEXT_MAX, false);
        LocalDate on = fields.date("occurredOn", true, false);
        AuthorityDto authority = fields.authority("authority");
        Score scored = score;
        return send(Step.SELF_REVIEW, rated, form, errors, model, response,
                () -> commands.send(new SubmitSelfReview(rated.round().roundId(), id, level, scored, summary, on),
                        authority));
    }

    @PostMapping("/web/ratings/{id}/cell-review")
    String cellReview(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                      HttpServletResponse response) {
        Rated rated = rated(id);
        FormErrors errors = new FormErrors();
        FormFields fields = new FormFields(form, errors, labels, day.today());
        RatingLevel level = fields.choice(RatingLevel.class, "proposedLevel", true);
        String comments = fields.text("comments", TEXT_MAX, false);
        ReviewVote vote = vote(form, fields);
        LocalDate on = fields.date("occurredOn", true, false);
        AuthorityDto authority = fields.authority("authority");
        return send(Step.CELL_REVIEW, rated, form, errors, model, response,
                () -> commands.send(new RecordCellReview(rated.round().roundId(), id, comments, level, vote, on),
                        authority));
    }

    @PostMapping("/web/ratings/{id}/residence-comment")
    String residenceComment(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                            HttpServletResponse response) {
        Rated rated = rated(id);
        FormErrors errors = new FormErrors();
        FormFields fields = new FormFields(form, errors, labels, day.today());
        String residence = fields.text("residenceOrganization", NAME_MAX, false);
        String comment = fields.text("comment", TEXT_MAX, true);
        LocalDate on = fields.date("occurredOn", true, false);
        AuthorityDto authority = fields.authority("authority");
        return send(Step.RESIDENCE_COMMENT, rated, form, errors, model, response,
                () -> commands.send(new RecordResidenceComment(rated.round().roundId(), id, residence, comment, on),
                        authority));
    }

    @PostMapping("/web/ratings/{id}/appraisal")
    String appraisal(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                     HttpServletResponse response) {
        Rated rated = rated(id);
        FormErrors errors = new FormErrors();
        FormFields fields = new FormFields(form, errors, labels, day.today());
        RatingLevel level = fields.choice(RatingLevel.class, "proposedLevel", true);
        String remarks = fields.text("remarks", TEXT_MAX, false);
        LocalDate on = fields.date("occurredOn", true, false);
        AuthorityDto authority = fields.authority("authority");
        return send(Step.APPRAISAL, rated, form, errors, model, response,
                () -> commands.send(new AppraiseRating(rated.round().roundId(), id, level, remarks, on), authority));
    }

    /**
     * The ratings of a cell (its members and the cell itself) in the rounds of the year of the bodies above it, each
     * with the step it is at and links to the steps still open: the cell secretary's way to the forms.
     */
    @GetMapping("/web/organizations/{id}/ratings")
    String cellRatings(@PathVariable String id, @RequestParam(required = false) String year,
                       @RequestParam(required = false) String saved, @RequestParam(required = false) String subjectId,
                       Model model) {
        OrganizationView cell = organizations.view(id, null);
        Integer y = year == null ? Integer.valueOf(defaultYear(day)) : parseYear(year);
        if (y == null) {
            y = defaultYear(day);
            model.addAttribute("badYear", true);
        }
        List<String> bodies = new ArrayList<>();
        bodies.add(id);
        bodies.addAll(directory.ancestors(id));
        List<CellLine> lines = new ArrayList<>();
        for (String body : bodies) {
            RatingRoundView round = queries.query(new FindRatingRound(OpenRatingRound.idOf(body, y)),
                    ResponseTypes.instanceOf(RatingRoundView.class)).join();
            if (round == null) {
                continue;
            }
            String bodyName = RatingForms.bodyName(organizations, body);
            for (RatingRoundView.Entry e : round.ratings()) {
                if (id.equals(e.organizationId())) {
                    lines.add(new CellLine(lines.size(), round, bodyName, e, progress(e, labels)));
                }
            }
        }
        model.addAttribute("cell", cell);
        model.addAttribute("year", y);
        model.addAttribute("saved", savedNotice(saved, subjectId, lines.stream().map(CellLine::rating).toList(),
                labels));
        model.addAttribute("lines", lines);
        return "cell-ratings";
    }

    /** A rating and the round it is on, as the read model has them. */
    record Rated(RatingRoundView round, RatingRoundView.Entry rating) {
    }

    private String showForm(Step step, String id, String back, Model model) {
        Rated rated = rated(id);
        fill(model, step, rated, UUID.randomUUID().toString(), back == null ? Map.of() : Map.of("back", back),
                new FormErrors());
        return "rating-step";
    }

    private String send(Step step, Rated rated, Map<String, String> form, FormErrors errors, Model model,
                        HttpServletResponse response, Runnable command) {
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        if (!errors.isEmpty()) {
            fill(model, step, rated, key == null ? UUID.randomUUID().toString() : key, form, errors);
            return "rating-step";
        }
        String ratingId = rated.rating().ratingId();
        return submissions.submit(key, "/web/ratings/" + ratingId + "/" + step.path(), errors, command,
                refusal -> FormFields.addRefusal(errors, refusal, labels, step.fields()),
                () -> {
                    fill(model, step, rated, key, form, errors);
                    return "rating-step";
                },
                () -> next(step, rated, form.get("back")) + "saved=" + step.name()
                        + "&subjectId=" + UriUtils.encodeQueryParam(rated.rating().subjectId(), "UTF-8")
                        + positionParameter(response));
    }

    /**
     * Back to the round's page when the step was reached from it (the deciding body's staff), else to the cell's
     * ratings (a cell secretary, who may not read the body's round); the appraisal is always the body's.
     */
    private static String next(Step step, Rated rated, String back) {
        if (!step.bySubject() || "round".equals(back)) {
            return "/web/rating-rounds/" + rated.round().roundId() + "?";
        }
        return "/web/organizations/" + rated.rating().organizationId() + "/ratings?year=" + rated.round().year() + "&";
    }

    private void fill(Model model, Step step, Rated rated, String key, Map<String, String> form, FormErrors errors) {
        RatingRuleSet set = ruleSet(rated.round());
        RatingRoundView.Entry e = rated.rating();
        model.addAttribute("step", step);
        model.addAttribute("round", rated.round());
        model.addAttribute("rating", e);
        model.addAttribute("body", organizations.view(rated.round().decidingBodyId(), null));
        model.addAttribute("levels", set == null ? List.of() : set.scheme().levelsFor(e.subject()));
        model.addAttribute("score", step == Step.SELF_REVIEW && set != null && set.scored() ? set.score() : null);
        model.addAttribute("chosen", form.containsKey("proposedLevel") ? form.get("proposedLevel") : proposal(step, e));
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("today", day.today());
        model.addAttribute("errors", errors.byField());
    }

    /** The level a step's form starts with: the one proposed at the step before, so agreeing takes no change. */
    private static String proposal(Step step, RatingRoundView.Entry e) {
        RatingLevel before = switch (step) {
            case SELF_REVIEW, RESIDENCE_COMMENT -> null;
            case CELL_REVIEW -> e.selfProposed();
            case APPRAISAL -> e.cellProposed() != null ? e.cellProposed() : e.selfProposed();
        };
        return before == null ? "" : before.name();
    }

    /** The cell's vote: all three counts or none (the API's {@code vote} is optional, its counts are not). */
    private ReviewVote vote(Map<String, String> form, FormFields fields) {
        if (MeetingPages.blankToNull(form.get("vote.present")) == null
                && MeetingPages.blankToNull(form.get("vote.approving")) == null
                && MeetingPages.blankToNull(form.get("vote.against")) == null) {
            return null;
        }
        Integer present = fields.whole("vote.present", 0, Integer.MAX_VALUE);
        Integer approving = fields.whole("vote.approving", 0, Integer.MAX_VALUE);
        Integer against = fields.whole("vote.against", 0, Integer.MAX_VALUE);
        return present == null || approving == null || against == null ? null
                : new ReviewVote(approving, against, present);
    }

    private RatingRuleSet ruleSet(RatingRoundView round) {
        return ruleSets.byId(round.ruleSetId()).orElse(null);
    }

    /** The rating named by the path and its round; an id that names none, or one not on its round, is a 404 page. */
    private Rated rated(String ratingId) {
        String roundId = OpenRating.roundOf(ratingId);
        if (roundId == null || OpenRatingRound.bodyOf(roundId) == null) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        RatingRoundView round = queries.query(new FindRatingRound(roundId),
                ResponseTypes.instanceOf(RatingRoundView.class)).join();
        if (round == null) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        return round.ratings().stream().filter(e -> e.ratingId().equals(ratingId)).findFirst()
                .map(e -> new Rated(round, e))
                .orElseThrow(() -> new UnknownResourceException("no rating " + ratingId));
    }
}
