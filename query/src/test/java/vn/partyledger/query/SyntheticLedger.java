package vn.partyledger.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.partyledger.api.commitment.CommitmentBreachNoted;
import vn.partyledger.api.commitment.CommitmentReviewed;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.development.AdmissionQuotaSet;
import vn.partyledger.api.meeting.AgendaItemDiscussed;
import vn.partyledger.api.meeting.AgendaTopic;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.FeeReportPresented;
import vn.partyledger.api.meeting.GuestAttended;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.MaterialsPublished;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.MinutesAmended;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionRejected;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.rating.CellReviewHeld;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.CongressTargetsSet;
import vn.partyledger.api.rating.RatingAppraised;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingPublished;
import vn.partyledger.api.rating.RatingRedecided;
import vn.partyledger.api.rating.RatingReopened;
import vn.partyledger.api.rating.RatingRoundClosed;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rating.ReopenReason;
import vn.partyledger.api.rating.ReviewVote;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SelfReviewSubmitted;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskAssignmentCorrected;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskEvaluated;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskLevel;
import vn.partyledger.api.task.TaskOutcome;
import vn.partyledger.api.task.TaskProgressReported;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;
import vn.partyledger.query.member.MemberFixture;
import vn.partyledger.query.organization.OrganizationFixture;

/**
 * A seeded synthetic ledger for the read models: a province of communes and cells whose members come and go
 * (enrolments, admissions, recognitions, transfers, exemptions, suspensions, deaths, corrections), with monthly meetings
 * and their attendance, tasks, commitments, admission quotas and yearly ratings — every kind of event the query side
 * reads, in the order a ledger would record them. The same seed gives the same events.
 */
public final class SyntheticLedger {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    private final Random random;
    private final List<Object> events = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    private final Map<String, String> communeOf = new LinkedHashMap<>();
    /** Per cell, its members and their current membership (PROBATIONARY or OFFICIAL). */
    private final Map<String, Map<String, MemberStatus>> roll = new LinkedHashMap<>();
    private final Map<String, String> cellOf = new LinkedHashMap<>();
    private final Map<String, LocalDate> probationEnds = new LinkedHashMap<>();
    private final List<String> candidates = new ArrayList<>();
    private int sequence;

    private SyntheticLedger(long seed) {
        this.random = new Random(seed);
    }

    /** At least {@code minimumEvents} events: whole years are generated until there are enough. */
    public static List<Object> generate(long seed, int communes, int cellsPerCommune, int membersPerCell,
                                        int minimumEvents) {
        SyntheticLedger ledger = new SyntheticLedger(seed);
        ledger.organisations(communes, cellsPerCommune, membersPerCell);
        int year = START.getYear();
        while (ledger.events.size() < minimumEvents) {
            ledger.year(year++);
        }
        return List.copyOf(ledger.events);
    }

    private void organisations(int communes, int cellsPerCommune, int membersPerCell) {
        add(OrganizationFixture.province("p", "Tỉnh Điện Biên"));
        add(OrganizationFixture.district("d", "p", "Huyện Điện Biên"));
        for (int c = 0; c < communes; c++) {
            String commune = "c" + c;
            add(OrganizationFixture.commune(commune, c % 2 == 0 ? "d" : "p", "Xã " + c));
            add(new RegularMeetingDaySet(commune, 3, 1, START));
            for (int k = 0; k < cellsPerCommune; k++) {
                String cell = commune + "-" + k;
                cells.add(cell);
                communeOf.put(cell, commune);
                roll.put(cell, new LinkedHashMap<>());
                add(OrganizationFixture.cell(cell, commune, "Chi bộ " + cell, CellType.values()[k % 4]));
                if (k == 1) {
                    // a name copied wrongly from the founding decision, corrected (docs/decisions/0011)
                    add(new OrganizationFactsCorrected(cell, "Chi bộ thôn " + cell, CellType.values()[k % 4],
                            OrganizationFixture.LONG_AGO, "e-" + cell));
                }
                add(new RegularMeetingDaySet(cell, 5 + k % 20, null, START));
                add(new LiaisonAssigned(cell, commune + "-liaison", commune, new VisitQuota(2, VisitQuota.Period.YEAR),
                        START));
                add(new HouseholdsRegistered("h-" + cell, cell, List.of(new Household(cell + "-h1", "Nhóm hộ 1"),
                        new Household(cell + "-h2", "Nhóm hộ 2")), START));
                for (int m = 0; m < membersPerCell; m++) {
                    enrol(cell, cell + "-m" + m);
                }
                String secretary = roll.get(cell).keySet().iterator().next();
                add(new OfficerAssigned(cell, secretary, OfficerRole.SECRETARY, START, null));
            }
        }
        // A district reorganised: its first commune moves to the province directly.
        add(OrganizationFixture.reparented("c0", "d", "p", START.plusMonths(6)));
    }

    private void enrol(String cell, String member) {
        LocalDate admitted = START.minusYears(2 + random.nextInt(20));
        boolean official = random.nextInt(10) > 0;
        LocalDate probationEnd = admitted.plusYears(1);
        add(new ExistingMemberEnrolled(member, cell, "Đảng viên " + member, LocalDate.of(1960 + random.nextInt(40), 3, 1),
                random.nextBoolean() ? Gender.MALE : Gender.FEMALE, "Kinh", EducationLevel.UPPER_SECONDARY, admitted,
                admitted.plusWeeks(2), official ? probationEnd : null, official ? null : START.plusMonths(3),
                "CARD-" + member, "sổ đảng viên 2020", START));
        roll.get(cell).put(member, official ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY);
        cellOf.put(member, cell);
        if (!official) {
            probationEnds.put(member, START.plusMonths(3));
        }
    }

    private void year(int year) {
        for (String commune : new ArrayList<>(new java.util.LinkedHashSet<>(communeOf.values()))) {
            add(new AdmissionQuotaSet("q-" + commune + "-" + year, commune, year, 3 + random.nextInt(5),
                    LocalDate.of(year, 1, 10)));
        }
        if (year == START.getYear()) {
            add(new CongressTargetsSet("t-c0", "c0", "2020-2025", List.of(
                    new CongressTarget("≥ 85% chi bộ tốt", RatingSubject.CELL, RatingLevel.GOOD, true,
                            CongressTarget.Comparison.AT_LEAST, 85),
                    new CongressTarget("> 90% đảng viên hoàn thành", RatingSubject.MEMBER, RatingLevel.COMPLETED, true,
                            CongressTarget.Comparison.MORE_THAN, 90)), LocalDate.of(year, 1, 5)));
        }
        for (String cell : cells) {
            commitments(cell, year);
        }
        for (int month = 1; month <= 12; month++) {
            for (String cell : cells) {
                memberChanges(cell, year, month);
                meeting(cell, LocalDate.of(year, month, 5 + cells.indexOf(cell) % 20));
                if (month % 3 == 1) {
                    tasks(cell, LocalDate.of(year, month, 10));
                }
            }
        }
        ratings(year);
    }

    private void memberChanges(String cell, int year, int month) {
        LocalDate on = LocalDate.of(year, month, 2);
        Map<String, MemberStatus> members = roll.get(cell);
        // Probations that ended are recognised, a few weeks late and back-dated to the day they ended (P5).
        for (var e : new ArrayList<>(probationEnds.entrySet())) {
            if (cell.equals(cellOf.get(e.getKey())) && !e.getValue().isAfter(on)) {
                add(MemberFixture.madeOfficial(e.getKey(), cell, e.getValue()));
                members.put(e.getKey(), MemberStatus.OFFICIAL);
                probationEnds.remove(e.getKey());
            }
        }
        int dice = random.nextInt(12);
        List<String> ids = new ArrayList<>(members.keySet());
        String someone = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        switch (dice) {
            case 0 -> {
                String candidate = cell + "-n" + (sequence++);
                add(MemberFixture.registered(candidate, cell, "Quần chúng " + candidate, on));
                add(new AwarenessCourseCompleted(candidate, cell, "GCN-" + candidate, on.plusDays(10)));
                candidates.add(candidate);
                cellOf.put(candidate, cell);
            }
            case 1 -> {
                String candidate = candidates.stream().filter(c -> cell.equals(cellOf.get(c))).findFirst()
                        .orElse(null);
                if (candidate != null) {
                    candidates.remove(candidate);
                    var admitted = MemberFixture.admitted(candidate, cell, on);
                    add(admitted);
                    members.put(candidate, MemberStatus.PROBATIONARY);
                    probationEnds.put(candidate, admitted.probationEndsOn());
                }
            }
            case 2 -> {
                if (someone != null && members.size() > 5) {
                    String to = cells.get(random.nextInt(cells.size()));
                    if (!to.equals(cell)) {
                        MemberStatus membership = members.remove(someone);
                        add(MemberFixture.transferIssued(someone, cell, to, TransferKind.OFFICIAL, on));
                        add(MemberFixture.transferReceived(someone, to, cell, TransferKind.OFFICIAL, on.plusDays(12)));
                        roll.get(to).put(someone, membership);
                        cellOf.put(someone, to);
                    }
                }
            }
            case 3 -> {
                if (someone != null) {
                    add(MemberFixture.temporarilyExempted(someone, cell, on, on.plusMonths(3)));
                    add(MemberFixture.temporaryExemptionEnded(someone, cell, on.plusMonths(2)));
                }
            }
            case 4 -> {
                if (someone != null) {
                    add(MemberFixture.suspended(someone, cell, on));
                    add(MemberFixture.reinstated(someone, cell, on.plusDays(20)));
                }
            }
            case 5 -> {
                if (someone != null && members.size() > 5 && !probationEnds.containsKey(someone)) {
                    members.remove(someone);
                    add(random.nextBoolean() ? MemberFixture.deceased(someone, cell, on)
                            : MemberFixture.rollRemoved(someone, cell, on));
                }
            }
            case 6 -> {
                if (someone != null) {
                    // Recorded late, back-dated: the fold must place it before facts recorded earlier.
                    add(MemberFixture.fullyExempted(someone, cell, on.minusMonths(2)));
                    add(MemberFixture.fullExemptionEnded(someone, cell, on.plusMonths(1)));
                }
            }
            case 7 -> {
                if (someone != null) {
                    add(new MemberDataCorrected(someone, cell, "Đảng viên " + someone + " (sửa)", null, "e-" + someone));
                }
            }
            case 8 -> {
                if (someone != null && members.size() > 5) {
                    String host = cells.get(random.nextInt(cells.size()));
                    if (!host.equals(cell)) {
                        add(MemberFixture.transferIssued(someone, cell, host, TransferKind.TEMPORARY, on));
                        add(MemberFixture.transferReceived(someone, host, cell, TransferKind.TEMPORARY, on.plusDays(5)));
                        add(MemberFixture.temporaryTransferEnded(someone, cell, host, on.plusMonths(2)));
                    }
                }
            }
            case 9 -> {
                String probationer = probationEnds.keySet().stream().filter(p -> cell.equals(cellOf.get(p)))
                        .findFirst().orElse(null);
                if (probationer != null && random.nextInt(4) == 0) {
                    probationEnds.remove(probationer);
                    members.remove(probationer);
                    add(MemberFixture.probationEnded(probationer, cell, on));
                }
            }
            case 10 -> {
                if (someone != null) {
                    add(new OfficerAssigned(cell, someone, OfficerRole.DEPUTY_SECRETARY, on, null));
                    add(new OfficerRemoved(cell, someone, OfficerRole.DEPUTY_SECRETARY, on.plusMonths(4)));
                }
            }
            default -> {
                if (month == 6) {
                    add(new LiaisonEnded(cell, communeOf.get(cell) + "-liaison", on));
                    add(new LiaisonAssigned(cell, communeOf.get(cell) + "-liaison", communeOf.get(cell),
                            new VisitQuota(1, VisitQuota.Period.QUARTER), on.plusDays(1)));
                }
            }
        }
    }

    private void meeting(String cell, LocalDate on) {
        String id = "mt-" + cell + "-" + on;
        Map<String, MemberStatus> members = roll.get(cell);
        List<RollMember> rollMembers = members.entrySet().stream()
                .map(e -> new RollMember(e.getKey(), e.getValue(), false, false, false, false, false)).toList();
        int official = (int) members.values().stream().filter(s -> s == MemberStatus.OFFICIAL).count();
        add(new MeetingScheduled(id, cell, MeetingKind.REGULAR, on, List.of("Kết quả tháng", "Nhiệm vụ tháng tới"),
                false, on.minusDays(7)));
        if (random.nextInt(3) == 0) {
            add(new MaterialsPublished(id, cell, "Zalo", on.minusDays(2)));
        }
        add(new MeetingOpened(id, cell, on, rollMembers.isEmpty() ? null : rollMembers.get(0).memberId(),
                rollMembers.isEmpty() ? null : rollMembers.get(rollMembers.size() - 1).memberId(),
                new RollSnapshot(official, members.size() - official, 0, 0, 0, members.size(), rollMembers)));
        int attended = 0;
        int withoutReason = 0;
        String firstAbsent = null;
        for (String member : members.keySet()) {
            int dice = random.nextInt(20);
            AttendanceStatus status = dice == 0 ? AttendanceStatus.ABSENT_NO_REASON
                    : dice == 1 ? AttendanceStatus.ABSENT_EXCUSED : dice == 2 ? AttendanceStatus.LATE
                    : AttendanceStatus.PRESENT;
            attended += status.attended() ? 1 : 0;
            withoutReason += status == AttendanceStatus.ABSENT_NO_REASON ? 1 : 0;
            if (status == AttendanceStatus.ABSENT_NO_REASON && firstAbsent == null) {
                firstAbsent = member;
            }
            add(new AttendanceRecorded(id, cell, on, member, status,
                    status == AttendanceStatus.ABSENT_EXCUSED ? "ốm" : null,
                    status == AttendanceStatus.ABSENT_EXCUSED ? Boolean.TRUE : null));
        }
        if (random.nextInt(4) == 0) {
            add(new GuestAttended(id, cell, on, new GuestInfo(communeOf.get(cell) + "-liaison", "Cấp ủy viên",
                    "COMMUNE", "Đảng ủy viên", communeOf.get(cell))));
        }
        add(new AgendaItemDiscussed(id, cell, AgendaTopic.MONTH_RESULTS, "Kết quả tháng " + on.getMonthValue()));
        add(new AgendaItemDiscussed(id, cell, AgendaTopic.NEXT_MONTH_TASKS, "Nhiệm vụ tháng tới"));
        if (random.nextInt(3) == 0) {
            int eligible = members.size();
            if (random.nextInt(5) == 0) {
                add(new ResolutionRejected(id, cell, 1, ResolutionSubject.GENERAL, "Đề xuất", eligible / 3, eligible / 2,
                        0, eligible, RuleOutcome.violation("M6", "QĐ 24-QĐ/TW", "chưa quá nửa")));
            } else {
                add(new ResolutionAdopted(id, cell, 1, ResolutionSubject.GENERAL, "Nghị quyết tháng", eligible, 0, 0,
                        eligible, RuleOutcome.ok("M6", "QĐ 24-QĐ/TW")));
            }
        }
        add(new FeeReportPresented(id, cell, 100_000L * members.size(), 50_000, 50_000L * members.size()));
        add(new MeetingClosed(id, cell, MeetingKind.REGULAR, on, 90 + random.nextInt(60), attended, members.size(),
                withoutReason, List.of(RuleOutcome.ok("M3", "HD 12-HD/BTCTW (2018)"))));
        if (firstAbsent != null && random.nextInt(3) == 0) {
            add(new AttendanceCorrected(id, cell, on, firstAbsent, AttendanceStatus.ABSENT_EXCUSED, "đi viện", true,
                    "e-" + id + "-" + firstAbsent, attended, members.size(), withoutReason - 1));
        }
        if (random.nextInt(10) == 0) {
            add(new MinutesAmended(id, cell, null, "Sửa biên bản", id, on.plusDays(30)));
        }
        if (random.nextInt(200) == 0) {
            add(new MeetingRetracted(id, cell, on, "e-" + id));
        }
    }

    private void tasks(String cell, LocalDate on) {
        List<String> members = new ArrayList<>(roll.get(cell).keySet());
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String task = "tk-" + cell + "-" + on + "-" + i;
            boolean households = i % 3 == 0;
            add(new TaskAssigned(task, cell, member, AssigningBody.CELL, "mt-" + cell, households
                    ? TaskKind.HOUSEHOLD_GROUP : TaskKind.POSITION_DUTY, "Nhiệm vụ quý",
                    households ? List.of(cell + "-h" + (1 + i % 2)) : List.of(), on.plusMonths(2), "Hoàn thành", on));
            int dice = random.nextInt(10);
            if (dice == 0) {
                add(new TaskCancelled(task, cell, member, "không còn phù hợp", on.plusDays(20)));
                continue;
            }
            if (dice == 1 && members.size() > 1) {
                String other = members.get((i + 1) % members.size());
                add(new TaskReassigned(task, cell, member, other, "đi công tác", on.plusDays(5)));
                member = other;
            }
            if (dice == 2) {
                add(new TaskAssignmentCorrected(task, cell, member, "Nhiệm vụ quý (sửa)", on.plusMonths(3),
                        "Hoàn thành tốt", "e-" + task));
            }
            add(new TaskProgressReported(task, cell, member, "Đang làm", on.plusDays(30)));
            LocalDate done = on.plusDays(40 + random.nextInt(40));
            add(new TaskResultRecorded(task, cell, member, TaskOutcome.values()[random.nextInt(3)], "Biên bản",
                    done, done.isAfter(on.plusMonths(2))));
            add(new TaskEvaluated(task, cell, member, TaskLevel.values()[random.nextInt(4)], "Nhận xét",
                    done.plusDays(3)));
        }
    }

    private void commitments(String cell, int year) {
        LocalDate on = LocalDate.of(year, 1, 15);
        for (String member : roll.get(cell).keySet()) {
            String id = "cm-" + member + "-" + year;
            add(new CommitmentSubmitted(id, cell, member, year,
                    new CommitmentSections("a", "b", "c", "d", "e", "f"), on));
            add(new CommitmentReviewed(id, cell, member, year, "Đạt", on.plusDays(10)));
            if (random.nextInt(15) == 0) {
                add(new CommitmentBreachNoted(id, cell, member, year, "mt-" + cell, "Vi phạm cam kết",
                        on.plusMonths(5)));
            }
            add(new CommitmentSelfAssessed(id, cell, member, year, random.nextInt(8) > 0, "Tự đánh giá",
                    LocalDate.of(year, 12, 1)));
        }
    }

    private void ratings(int year) {
        String set = RatingRuleSets.standard().forYear(year, null).orElseThrow().id();
        String title = RatingRuleSets.standard().byId(set).orElseThrow().title();
        for (String commune : new java.util.LinkedHashSet<>(communeOf.values())) {
            String round = "rr-" + commune + "-" + year;
            add(new RatingRoundOpened(round, commune, year, set, title, LocalDate.of(year, 12, 1)));
            int decided = 0;
            for (String cell : cells) {
                if (!commune.equals(communeOf.get(cell))) {
                    continue;
                }
                for (String member : roll.get(cell).keySet()) {
                    String rating = round + "-" + member;
                    add(new RatingOpened(round, rating, cell, commune, year, RatingSubject.MEMBER, member,
                            List.of(cell, commune), set, LocalDate.of(year, 12, 2)));
                    RatingLevel proposed = RatingLevel.values()[random.nextInt(4)];
                    add(new SelfReviewSubmitted(round, rating, cell, proposed, new Score(40 + random.nextInt(10),
                            40 + random.nextInt(10)), "Tự kiểm điểm", LocalDate.of(year, 12, 5)));
                    add(new CellReviewHeld(round, rating, cell, "Chi bộ nhận xét", proposed, new ReviewVote(8, 1, 9),
                            LocalDate.of(year, 12, 10)));
                    if (random.nextInt(4) == 0) {
                        add(new RatingAppraised(round, rating, cell, proposed, "Thẩm định", LocalDate.of(year, 12, 12)));
                    }
                    MemberYearEvidence evidence = random.nextInt(3) == 0 ? null : new MemberYearEvidence(year, false,
                            false, false, LocalDate.of(2000, 3, 1), 12, 10 + random.nextInt(3), List.of(year + "-04"),
                            List.of(new TaskFact("tk-" + member, "Nhiệm vụ", LocalDate.of(year, 6, 30),
                                    LocalDate.of(year, 7, 15), TaskFact.Status.LATE)),
                            MemberYearEvidence.CommitmentStatus.SUBMITTED);
                    add(new RatingDecided(round, rating, cell, commune, year, RatingSubject.MEMBER, member, proposed,
                            null, "QĐ-" + year, LocalDate.of(year, 12, 20), set, null,
                            List.of(RuleOutcome.ok("R3", "QĐ 366")), evidence));
                    decided++;
                    int afterwards = random.nextInt(25);
                    if (afterwards == 1) {
                        // the decision's level recorded wrongly (a clerical error), corrected as recorded
                        add(new RatingDecisionCorrected(round, rating, cell, commune, year, RatingSubject.MEMBER,
                                member, proposed, RatingLevel.GOOD, null, "QĐ-" + year, LocalDate.of(year, 12, 20),
                                set, null, List.of(RuleOutcome.ok("R3", "QĐ 366")), evidence, "e-" + rating));
                    }
                    if (afterwards == 0) {
                        add(new RatingReopened(round, rating, cell, proposed, ReopenReason.COMPLAINT, "Khiếu nại",
                                LocalDate.of(year, 12, 22)));
                        add(new RatingRedecided(round, rating, cell, commune, year, RatingSubject.MEMBER, member,
                                proposed, RatingLevel.COMPLETED, null, "QĐ-L-" + year, LocalDate.of(year, 12, 27),
                                set, null, List.of(), null));
                    }
                    add(new RatingPublished(round, rating, cell, proposed, LocalDate.of(year, 12, 28)));
                }
            }
            add(new RatingRoundClosed(round, commune, year, decided, 0, LocalDate.of(year, 12, 31)));
        }
    }

    private void add(Object event) {
        events.add(event);
    }
}
