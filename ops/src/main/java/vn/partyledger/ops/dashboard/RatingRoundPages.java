package vn.partyledger.ops.dashboard;

import static vn.partyledger.ops.dashboard.RatingForms.date;
import static vn.partyledger.ops.dashboard.RatingForms.defaultYear;
import static vn.partyledger.ops.dashboard.RatingForms.enumOr;
import static vn.partyledger.ops.dashboard.RatingForms.occurredOn;
import static vn.partyledger.ops.dashboard.RatingForms.parseEnum;
import static vn.partyledger.ops.dashboard.RatingForms.parseYear;
import static vn.partyledger.ops.dashboard.RatingForms.position;
import static vn.partyledger.ops.dashboard.RatingForms.positionParameter;
import static vn.partyledger.ops.dashboard.RatingForms.rowOf;
import static vn.partyledger.ops.dashboard.RatingForms.text;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.rating.DecideRatings;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rating.FindRatingRound;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.RatingRoundView;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSet;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * The December round from the browser (§2.6): the deciding body opens its round for a year, puts the subjects on it
 * from the roll, and decides the list in one document — one command, as {@code POST /rating-rounds/{id}/decisions}
 * is. Levels offered are those of the round's rule set ({@code api.rules.rating}, the objects the command side judges
 * with); every judgement is the command side's, shown next to the row it names.
 */
@Controller
class RatingRoundPages extends Pages {

    /** Subjects the round form puts on a round; committees and leaders need a unit and go through the API. */
    static final List<RatingSubject> FORM_SUBJECTS = List.of(RatingSubject.MEMBER, RatingSubject.CELL,
            RatingSubject.GRASSROOTS_ORG);

    private final QueryGateway queries;
    private final Commands commands;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;
    private final RatingRuleSets ruleSets;

    RatingRoundPages(QueryGateway queries, Commands commands, Organizations organizations,
                     FormSubmissions submissions, Labels labels, BusinessDay day, RatingRuleSets ruleSets) {
        this.queries = queries;
        this.commands = commands;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
        this.ruleSets = ruleSets;
    }

    @GetMapping("/web/organizations/{id}/rating-rounds/new")
    String roundForm(@PathVariable String id, Model model) {
        OrganizationView body = organizations.view(id, null);
        fillRoundForm(model, body, Map.of("year", String.valueOf(defaultYear(day)),
                "occurredOn", day.today().toString()), new FormErrors(), null);
        return "rating-round-new";
    }

    @PostMapping("/web/organizations/{id}/rating-rounds")
    String openRound(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                     HttpServletResponse response) {
        OrganizationView body = organizations.view(id, null);
        FormErrors errors = new FormErrors();
        Integer year = parseYear(form.get("year"));
        if (year == null) {
            errors.add("year", labels.of("form.badYear"));
        }
        LocalDate occurredOn = occurredOn(form.get("occurredOn"), "occurredOn", errors, labels, day);
        AuthorityDto authority = new FormFields(form, errors, labels, day.today()).authority("authority");
        if (!errors.isEmpty()) {
            fillRoundForm(model, body, form, errors, null);
            return "rating-round-new";
        }
        String roundId = OpenRatingRound.idOf(id, year);
        try {
            commands.send(new OpenRatingRound(roundId, id, year, occurredOn), authority);
        } catch (RuntimeException e) {
            Refusal refusal = FormErrors.refusal(e).orElseThrow(() -> e);
            errors.add(refusal, labels);
            // one round per body and year: a second is refused, and the page links to the one that exists
            fillRoundForm(model, body, form, errors, refusal.kind() == Refusal.Kind.CONFLICT ? roundId : null);
            return "rating-round-new";
        }
        return "redirect:/web/rating-rounds/" + roundId + "?opened=1" + positionParameter(response);
    }

    private void fillRoundForm(Model model, OrganizationView body, Map<String, String> form, FormErrors errors,
                               String existing) {
        model.addAttribute("body", body);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
        model.addAttribute("existing", existing);
    }

    /** One row of the decision form: the rating, what was proposed, the level chosen (if any) and a refusal. */
    record DecisionLine(int index, RatingRoundView.Entry rating, List<RatingLevel> levels, String chosen,
                        String error, RatingStepPages.Progress progress) {
        public boolean open() {
            return "OPEN".equals(rating.state());
        }
    }

    record AddLink(RatingSubject subject, String text) {
    }

    @GetMapping("/web/rating-rounds/{id}")
    String round(@PathVariable String id, @RequestParam(required = false) String saved,
                 @RequestParam(required = false) String subjectId, Model model) {
        RatingRoundView round = roundView(id);
        fillRound(model, round, UUID.randomUUID().toString(), Map.of(), new FormErrors(), Map.of());
        model.addAttribute("saved", RatingStepPages.savedNotice(saved, subjectId, round.ratings(), labels));
        return "rating-round";
    }

    @PostMapping("/web/rating-rounds/{id}/decisions")
    String decide(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response) {
        RatingRoundView round = roundView(id);
        FormErrors errors = new FormErrors();
        Map<Integer, String> rowErrors = new LinkedHashMap<>();
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        String decisionNo = MeetingPages.blankToNull(form.get("decisionNo"));
        if (decisionNo == null) {
            errors.add("decisionNo", labels.of("form.required"));
        }
        LocalDate occurredOn = occurredOn(form.get("occurredOn"), "occurredOn", errors, labels, day);
        Authority override = override(form, errors);
        AuthorityDto authority = new FormFields(form, errors, labels, day.today()).authority("authority");
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        for (int i = 0; i < round.ratings().size(); i++) {
            indexOf.put(round.ratings().get(i).ratingId(), i);
        }
        List<DecisionRow> rows = new ArrayList<>();
        List<Integer> formRows = new ArrayList<>();
        // rows already decided carry no field, so the indices of those that do have gaps; ratings are never taken off
        // a round, so none is beyond its size
        for (int i = 0; i < round.ratings().size(); i++) {
            String levelName = MeetingPages.blankToNull(form.get("level_" + i));
            if (!form.containsKey("rating_" + i) || levelName == null) {
                continue;   // decided before, or not decided in this document
            }
            Integer at = indexOf.get(form.get("rating_" + i));
            RatingLevel level = parseEnum(RatingLevel.class, levelName);
            if (at == null || level == null) {
                rowErrors.put(at == null ? i : at, labels.of("form.choose"));
                continue;
            }
            rows.add(new DecisionRow(round.ratings().get(at).ratingId(), level, null, null, null));
            formRows.add(at);
        }
        if (rows.isEmpty() && rowErrors.isEmpty()) {
            errors.add("ratings", labels.of("rating.noRows"));
        }
        if (!errors.isEmpty() || !rowErrors.isEmpty()) {
            fillRound(model, round, key == null ? UUID.randomUUID().toString() : key, form, errors, rowErrors);
            return "rating-round";
        }
        return submissions.submit(key, "/web/rating-rounds/" + id + "/decisions", errors,
                () -> commands.send(new DecideRatings(id, decisionNo, rows, override, occurredOn), authority),
                refusal -> {
                    Integer row = rowOf(refusal.field());
                    if (row == null && refusal.field() != null && refusal.field().startsWith("rating.")
                            && rows.size() == 1) {
                        row = 0;   // a decision of one row names it "rating.level"
                    }
                    if (row != null && row < formRows.size()) {
                        rowErrors.put(formRows.get(row), text(refusal, labels));
                    } else {
                        errors.add(refusal, labels);
                    }
                },
                () -> {
                    fillRound(model, round, key, form, errors, rowErrors);
                    return "rating-round";
                },
                () -> "/web/rating-rounds/" + id + "?decided=" + rows.size() + positionParameter(response));
    }

    /** The R3 override: all of number and issuer when any field is given (issue date optional, as in the API). */
    private Authority override(Map<String, String> form, FormErrors errors) {
        String docNo = MeetingPages.blankToNull(form.get("overrideDocNo"));
        String issuer = MeetingPages.blankToNull(form.get("overrideIssuer"));
        String issuedOnText = MeetingPages.blankToNull(form.get("overrideIssuedOn"));
        if (docNo == null && issuer == null && issuedOnText == null) {
            return null;
        }
        if (docNo == null) {
            errors.add("quotaOverride.docNo", labels.of("form.required"));
        }
        if (issuer == null) {
            errors.add("quotaOverride.issuer", labels.of("form.required"));
        }
        LocalDate issuedOn = issuedOnText == null ? null : date(issuedOnText, "quotaOverride.issuedOn", errors, labels);
        return docNo == null || issuer == null ? null : new Authority(docNo, issuer, issuedOn);
    }

    private void fillRound(Model model, RatingRoundView round, String key, Map<String, String> form,
                           FormErrors errors, Map<Integer, String> rowErrors) {
        RatingRuleSet set = ruleSets.byId(round.ruleSetId()).orElse(null);
        Map<String, String> chosenById = new LinkedHashMap<>();
        for (int i = 0; i < round.ratings().size(); i++) {
            if (form.containsKey("rating_" + i)) {
                chosenById.put(form.get("rating_" + i), form.getOrDefault("level_" + i, ""));
            }
        }
        List<DecisionLine> lines = new ArrayList<>();
        for (int i = 0; i < round.ratings().size(); i++) {
            RatingRoundView.Entry e = round.ratings().get(i);
            List<RatingLevel> levels = set == null ? List.of() : set.scheme().levelsFor(e.subject());
            String chosen = form.isEmpty() ? proposal(e) : chosenById.getOrDefault(e.ratingId(), "");
            lines.add(new DecisionLine(i, e, levels, chosen, rowErrors.getOrDefault(i, ""),
                    RatingStepPages.progress(e, labels)));
        }
        model.addAttribute("round", round);
        model.addAttribute("body", organizations.view(round.decidingBodyId(), null));
        model.addAttribute("lines", lines);
        model.addAttribute("openCount", lines.stream().filter(DecisionLine::open).count());
        model.addAttribute("addLinks", FORM_SUBJECTS.stream()
                .map(s -> new AddLink(s, labels.of("rating.round.addSubjects", labels.of(s)))).toList());
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("today", day.today());
        model.addAttribute("errors", errors.byField());
    }

    /**
     * The level a row starts with: the latest proposal (appraisal, else the cell's, else the self-review's), so a list
     * decided as proposed needs only its number; a rating without a self-review starts empty, since the rules refuse
     * to decide it.
     */
    private static String proposal(RatingRoundView.Entry e) {
        if (e.selfProposed() == null) {
            return "";
        }
        RatingLevel l = e.appraised() != null ? e.appraised() : e.cellProposed() != null ? e.cellProposed()
                : e.selfProposed();
        return l.name();
    }

    /** A person on the subjects form: their cell, and whether they are already on the round. */
    record Candidate(int index, String subjectId, String name, String organization, String status, boolean onRound,
                     boolean picked, String error) {
    }

    @GetMapping("/web/rating-rounds/{id}/subjects")
    String subjectsForm(@PathVariable String id, @RequestParam(required = false) String subject, Model model) {
        RatingRoundView round = roundView(id);
        RatingSubject s = enumOr(RatingSubject.class, subject, RatingSubject.MEMBER);
        fillSubjects(model, round, FORM_SUBJECTS.contains(s) ? s : RatingSubject.MEMBER, Map.of(), new FormErrors(),
                Map.of(), null);
        return "rating-subjects";
    }

    /**
     * Puts every ticked subject on the round, one command each: a subject already on it is counted, never stored
     * twice, so sending the form again after a dropped connection is safe; a refusal (R1: fully exempt, admitted too
     * late) stays next to its row and the others are stored.
     */
    @PostMapping("/web/rating-rounds/{id}/subjects")
    String addSubjects(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                       HttpServletResponse response) {
        RatingRoundView round = roundView(id);
        RatingSubject subject = parseEnum(RatingSubject.class, form.get("subject"));
        FormErrors errors = new FormErrors();
        if (subject == null || !FORM_SUBJECTS.contains(subject)) {
            errors.add("subject", labels.of("form.choose"));
            subject = RatingSubject.MEMBER;
        }
        LocalDate occurredOn = occurredOn(form.get("occurredOn"), "occurredOn", errors, labels, day);
        AuthorityDto authority = new FormFields(form, errors, labels, day.today()).authority("authority");
        List<String> picked = new ArrayList<>();
        for (int i = 0; form.containsKey("candidate_" + i); i++) {
            if (form.containsKey("pick_" + i)) {
                picked.add(form.get("candidate_" + i));
            }
        }
        if (picked.isEmpty()) {
            errors.add("subjects", labels.of("rating.noSubjects"));
        }
        if (!errors.isEmpty()) {
            fillSubjects(model, round, subject, form, errors, Map.of(), null);
            return "rating-subjects";
        }
        Map<String, String> refused = new LinkedHashMap<>();
        int added = 0;
        int already = 0;
        long lastPosition = -1;
        for (String subjectId : picked) {
            try {
                commands.send(new OpenRating(id, OpenRating.idOf(id, subject, subjectId), subject, subjectId, null,
                        occurredOn), authority);
                added++;
                lastPosition = Math.max(lastPosition, position(response));
            } catch (RuntimeException e) {
                Refusal refusal = FormErrors.refusal(e).orElseThrow(() -> e);
                if (refusal.kind() == Refusal.Kind.CONFLICT) {
                    already++;
                    continue;
                }
                refused.put(subjectId, text(refusal, labels));
            }
        }
        String position = lastPosition < 0 ? "" : "&minPosition=" + lastPosition;
        if (refused.isEmpty()) {
            return "redirect:/web/rating-rounds/" + id + "?added=" + added + "&already=" + already + position;
        }
        fillSubjects(model, round, subject, form, errors, refused, labels.of("rating.subjectsAdded", added, already,
                refused.size()));
        return "rating-subjects";
    }

    private void fillSubjects(Model model, RatingRoundView round, RatingSubject subject, Map<String, String> form,
                              FormErrors errors, Map<String, String> refused, String summary) {
        LocalDate yearEnd = LocalDate.of(round.year(), 12, 31);
        LocalDate on = yearEnd.isAfter(day.today()) ? day.today() : yearEnd;
        Set<String> onRound = new HashSet<>();
        round.ratings().stream().filter(r -> r.subject() == subject).forEach(r -> onRound.add(r.subjectId()));
        Set<String> pickedBefore = new HashSet<>();
        for (int i = 0; form.containsKey("candidate_" + i); i++) {
            if (form.containsKey("pick_" + i)) {
                pickedBefore.add(form.get("candidate_" + i));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        List<OrganizationTree.Node> cells = organizations.cells(round.decidingBodyId(), on);
        if (subject == RatingSubject.MEMBER) {
            for (OrganizationTree.Node cell : cells) {
                RollView roll = organizations.roll(cell.organizationId(), on);
                for (RollView.Entry m : roll.items()) {
                    // rated in their home cell: a member here on a temporary transfer is not this roll's to rate
                    if (!m.status().isOnRoll() || m.temporarilyTransferredIn()) {
                        continue;
                    }
                    candidates.add(candidate(candidates.size(), m.memberId(), m.fullName(), cell.name(),
                            labels.of(m.status()), onRound, pickedBefore, form.isEmpty(), refused));
                }
            }
        } else if (subject == RatingSubject.CELL) {
            for (OrganizationTree.Node cell : cells) {
                candidates.add(candidate(candidates.size(), cell.organizationId(), cell.name(), "",
                        labels.of(cell.level()), onRound, pickedBefore, form.isEmpty(), refused));
            }
        } else {
            for (OrganizationTree.Node root : organizations.tree(round.decidingBodyId(), on).roots()) {
                grassroots(root, round.decidingBodyId(), candidates, onRound, pickedBefore, form.isEmpty(), refused);
            }
        }
        model.addAttribute("round", round);
        model.addAttribute("body", organizations.view(round.decidingBodyId(), null));
        model.addAttribute("subject", subject);
        model.addAttribute("heading", labels.of("rating.round.addSubjects", labels.of(subject)));
        model.addAttribute("candidates", candidates);
        model.addAttribute("rollDate", on);
        model.addAttribute("summary", summary);
        model.addAttribute("form", form);
        model.addAttribute("today", day.today());
        model.addAttribute("errors", errors.byField());
    }

    private void grassroots(OrganizationTree.Node node, String bodyId, List<Candidate> candidates, Set<String> onRound,
                            Set<String> pickedBefore, boolean fresh, Map<String, String> refused) {
        // a collective is rated by a superior body, never by itself
        if (node.grassroots() && !node.organizationId().equals(bodyId)) {
            candidates.add(candidate(candidates.size(), node.organizationId(), node.name(), "",
                    labels.of(node.level()), onRound, pickedBefore, fresh, refused));
        }
        for (OrganizationTree.Node child : node.children()) {
            grassroots(child, bodyId, candidates, onRound, pickedBefore, fresh, refused);
        }
    }

    private static Candidate candidate(int index, String id, String name, String organization, String status,
                                       Set<String> onRound, Set<String> pickedBefore, boolean fresh,
                                       Map<String, String> refused) {
        boolean on = onRound.contains(id);
        return new Candidate(index, id, name, organization, status, on,
                !on && (fresh || pickedBefore.contains(id)), refused.getOrDefault(id, ""));
    }

    /** The round as the read model has it; an id that names no round, or one not stored, is a 404 page. */
    private RatingRoundView roundView(String id) {
        if (OpenRatingRound.bodyOf(id) == null) {
            throw new UnknownResourceException("no rating round " + id);
        }
        RatingRoundView round = queries.query(new FindRatingRound(id), ResponseTypes.instanceOf(RatingRoundView.class))
                .join();
        if (round == null) {
            throw new UnknownResourceException("no rating round " + id);
        }
        return round;
    }
}
