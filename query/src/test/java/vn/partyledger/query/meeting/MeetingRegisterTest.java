package vn.partyledger.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NoSuchElementException;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceRisk;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.FindAttendanceRisk;
import vn.partyledger.api.meeting.FindLiaisonVisits;
import vn.partyledger.api.meeting.FindMeeting;
import vn.partyledger.api.meeting.FindMeetingRegister;
import vn.partyledger.api.meeting.GuestAttended;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.LiaisonVisits;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingRegister;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.MeetingView;
import vn.partyledger.api.meeting.MinutesAmended;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.organization.OrganizationFixture;
import vn.partyledger.query.organization.OrganizationTreeProjection;

/** The meeting-register projection and its queries without Spring, events fed at positions 1, 2, 3... */
class MeetingRegisterTest {

    private static final String PROVINCE = "son-la";
    private static final String COMMUNE = "van-ho";
    private static final String CELL = "sao-do-2";
    private static final String OTHER = "sao-do-1";
    private static final List<String> MEMBERS = List.of("a", "b", "c");
    /** 15/01/2026: every month of 2025 has ended. */
    private static final Clock JANUARY_2026 = Clock.fixed(LocalDate.of(2026, 1, 15).atStartOfDay()
            .toInstant(ZoneOffset.ofHours(7)), ZoneOffset.UTC);

    private static ReadModelDatabase db;

    private final MeetingRegisterProjection projection = new MeetingRegisterProjection(db.jdbc());
    private final List<AnnotationEventHandlerAdapter> handlers = List.of(
            new AnnotationEventHandlerAdapter(new OrganizationTreeProjection(db.jdbc())),
            new AnnotationEventHandlerAdapter(projection));
    private final List<Object> fed = new ArrayList<>();
    private int meetings;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.clean();
        feed(OrganizationFixture.province(PROVINCE, "Sơn La"), OrganizationFixture.commune(COMMUNE, PROVINCE, "Vân Hồ"),
                OrganizationFixture.cell(CELL, COMMUNE, "Sao Đỏ 2", CellType.URBAN_QUARTER),
                OrganizationFixture.cell(OTHER, COMMUNE, "Sao Đỏ 1", CellType.URBAN_QUARTER),
                new RegularMeetingDaySet(CELL, 24, 22, LocalDate.of(2019, 1, 1)));
    }

    private void feed(Object... events) {
        for (Object event : events) {
            fed.add(event);
            deliver(event, fed.size());
        }
    }

    private void deliver(Object event, long position) {
        var message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(event));
        for (AnnotationEventHandlerAdapter h : handlers) {
            try {
                if (h.canHandle(message)) {
                    h.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private MeetingQueries queries(Clock clock) {
        return new MeetingQueries(db.jdbc(), clock, RegisterRules.standard());
    }

    private MeetingRegister register(String org, int year) {
        return queries(JANUARY_2026).handle(new FindMeetingRegister(org, year, null));
    }

    /** A closed meeting of {@code cell}: everyone present except the given statuses, with optional guests. */
    private String meeting(String cell, MeetingKind kind, LocalDate on, Map<String, AttendanceStatus> absences,
                           int minutes, GuestInfo... guests) {
        return meeting(cell, kind, on, absences, minutes, Set.of(), guests);
    }

    /** As above, with {@code temporarilyExempt} marked so on the meeting's roll. */
    private String meeting(String cell, MeetingKind kind, LocalDate on, Map<String, AttendanceStatus> absences,
                           int minutes, Set<String> temporarilyExempt, GuestInfo... guests) {
        String id = cell + "-" + (++meetings);
        List<RollMember> roll = MEMBERS.stream().map(m -> new RollMember(m, MemberStatus.OFFICIAL, false,
                temporarilyExempt.contains(m), false, false, false)).toList();
        feed(new MeetingScheduled(id, cell, kind, on, List.of("Kết quả tháng"), false, on),
                new MeetingOpened(id, cell, on, "a", "b", new RollSnapshot(3, 0, 0, 0, 0, 3, roll)));
        int attended = 0;
        int withoutReason = 0;
        for (String m : MEMBERS) {
            AttendanceStatus s = absences.getOrDefault(m, AttendanceStatus.PRESENT);
            attended += s.attended() ? 1 : 0;
            withoutReason += s.withoutLegitimateReason() ? 1 : 0;
            feed(new AttendanceRecorded(id, cell, on, m, s, s == AttendanceStatus.ABSENT_EXCUSED ? "ốm" : null,
                    s == AttendanceStatus.ABSENT_EXCUSED ? Boolean.TRUE : null));
        }
        for (GuestInfo g : guests) {
            feed(new GuestAttended(id, cell, on, g));
        }
        feed(new MeetingClosed(id, cell, kind, on, minutes, attended, 3, withoutReason, List.of(
                RuleOutcome.ok("M3", "HD 12-HD/BTCTW (2018)"))));
        return id;
    }

    private String regular(LocalDate on) {
        return meeting(CELL, MeetingKind.REGULAR, on, Map.of(), 100);
    }

    private static RuleOutcome outcome(List<RuleOutcome> outcomes, String rule) {
        return outcomes.stream().filter(o -> o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + outcomes));
    }

    @Test
    void monthsOffTheFixedDayWarnAndMonthsWithoutAMeetingAreMissed() {
        regular(LocalDate.of(2025, 1, 24));
        regular(LocalDate.of(2025, 2, 20));

        MeetingRegister r = register(CELL, 2025);
        assertThat(r.cells()).isEqualTo(1);
        assertThat(r.months().get(0).onFixedDay()).isTrue();
        assertThat(outcome(r.months().get(0).outcomes(), "M1").severity()).isEqualTo(Severity.OK);
        assertThat(r.months().get(1).onFixedDay()).isFalse();
        assertThat(outcome(r.months().get(1).outcomes(), "M1").severity()).isEqualTo(Severity.WARNING);
        assertThat(outcome(r.months().get(2).outcomes(), "M1").severity()).isEqualTo(Severity.VIOLATION);
        assertThat(outcome(r.months().get(2).outcomes(), "M1").basis()).contains("HD 12-HD/BTCTW");
        assertThat(r.months().get(0).meetings()).singleElement()
                .satisfies(m -> assertThat(m.outcomes()).extracting(RuleOutcome::rule).containsExactly("M3"));
    }

    @Test
    void monthsThatHaveNotEndedAreNotJudgedYet() {
        regular(LocalDate.of(2025, 1, 24));
        Clock midFebruary = Clock.fixed(LocalDate.of(2025, 2, 15).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);

        MeetingRegister r = queries(midFebruary).handle(new FindMeetingRegister(CELL, 2025, null));
        assertThat(r.months().get(1).outcomes()).isEmpty();
        assertThat(r.quarters().get(0).outcomes()).isEmpty();
        assertThat(r.cellsMeetingEveryMonth()).isEqualTo(1);
    }

    @Test
    void theCommitteePreparationRuleAppliesFromHd42Only() {
        regular(LocalDate.of(2025, 10, 24));
        meeting(CELL, MeetingKind.COMMITTEE_PREP, LocalDate.of(2025, 11, 22), Map.of(), 60);
        regular(LocalDate.of(2025, 11, 24));
        regular(LocalDate.of(2025, 12, 24));

        MeetingRegister r = register(CELL, 2025);
        assertThat(r.months().get(9).outcomes()).extracting(RuleOutcome::rule).doesNotContain("M5");
        assertThat(outcome(r.months().get(10).outcomes(), "M5").severity()).isEqualTo(Severity.OK);
        assertThat(outcome(r.months().get(11).outcomes(), "M5").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void attendanceTargetComparesCountsAndAnyAbsenceWithoutReasonBreaksAllExcused() {
        regular(LocalDate.of(2025, 1, 24));
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 2, 24), Map.of("c", AttendanceStatus.ABSENT_EXCUSED), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 3, 24), Map.of("c", AttendanceStatus.ABSENT_NO_REASON), 100);

        MeetingRegister r = queries(JANUARY_2026).handle(new FindMeetingRegister(CELL, 2025, 60));
        assertThat(r.months().get(0).attendancePercent()).isEqualTo("100.00");
        assertThat(r.months().get(1).attendancePercent()).isEqualTo("66.67");
        assertThat(outcome(r.months().get(1).outcomes(), "AT1").severity()).isEqualTo(Severity.OK);
        assertThat(outcome(r.months().get(1).outcomes(), "AT2").severity()).isEqualTo(Severity.OK);
        assertThat(outcome(r.months().get(2).outcomes(), "AT2").severity()).isEqualTo(Severity.WARNING);
        // With the default 95% target two of three is short.
        assertThat(outcome(register(CELL, 2025).months().get(1).outcomes(), "AT1").severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void aThematicMeetingEachQuarterSatisfiesM2AndACombinedMeetingCountsForBoth() {
        meeting(CELL, MeetingKind.COMBINED, LocalDate.of(2025, 2, 24), Map.of(), 130);
        meeting(CELL, MeetingKind.THEMATIC, LocalDate.of(2025, 5, 10), Map.of(), 90);

        MeetingRegister r = register(CELL, 2025);
        assertThat(r.months().get(1).cellsMet()).isEqualTo(1);
        assertThat(r.quarters()).extracting(q -> q.outcomes().get(0).severity())
                .containsExactly(Severity.OK, Severity.OK, Severity.VIOLATION, Severity.VIOLATION);
    }

    @Test
    void theCommuneRollUpCountsCellsThatMetAndVisits() {
        GuestInfo visit = new GuestInfo("liaison", "Hà Văn Nam", "COMMUNE", "Đảng ủy viên", COMMUNE);
        for (int m = 1; m <= 12; m++) {
            regular(LocalDate.of(2025, m, 24));
        }
        meeting(OTHER, MeetingKind.REGULAR, LocalDate.of(2025, 1, 25), Map.of(), 100, visit);

        MeetingRegister r = register(COMMUNE, 2025);
        assertThat(r.cells()).isEqualTo(2);
        assertThat(r.cellsMeetingEveryMonth()).isEqualTo(1);
        assertThat(r.months().get(0).cellsMet()).isEqualTo(2);
        assertThat(r.months().get(0).requiredToAttend()).isEqualTo(6);
        assertThat(r.months().get(0).superiorVisits()).isEqualTo(1);
        assertThat(r.months().get(0).meetings()).isEmpty();
        assertThat(outcome(r.months().get(1).outcomes(), "M1").message()).contains("1 of 2 cells");
    }

    @Test
    void aRollUpReadOneCellAtATimeGivesTheSameRegisterAsOneRead() {
        GuestInfo visit = new GuestInfo("liaison", "Hà Văn Nam", "COMMUNE", "Đảng ủy viên", COMMUNE);
        for (int m = 1; m <= 12; m++) {
            regular(LocalDate.of(2025, m, 24));
        }
        meeting(CELL, MeetingKind.THEMATIC, LocalDate.of(2025, 2, 10), Map.of(), 100);
        meeting(OTHER, MeetingKind.REGULAR, LocalDate.of(2025, 1, 25), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                100, visit);
        meeting(OTHER, MeetingKind.REGULAR, LocalDate.of(2025, 3, 20), Map.of(), 100);
        FindMeetingRegister query = new FindMeetingRegister(COMMUNE, 2025, null);

        MeetingRegister inOneRead = queries(JANUARY_2026).handle(query);
        MeetingRegister cellByCell = new MeetingQueries(db.jdbc(), JANUARY_2026, RegisterRules.standard(), 1)
                .handle(query);

        assertThat(cellByCell).isEqualTo(inOneRead);
        assertThat(inOneRead.cells()).isEqualTo(2);
        assertThat(inOneRead.months().get(0).absentWithoutReason()).isEqualTo(1);
        assertThat(inOneRead.quarters().get(0).thematicMeetings()).isEqualTo(1);
    }

    @Test
    void threeMonthsWithoutLegitimateReasonInOneCalendarYearFlagTheMember() {
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2024, 11, 24), Map.of("b", AttendanceStatus.ABSENT_NO_REASON), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2024, 12, 24), Map.of("b", AttendanceStatus.ABSENT_NO_REASON), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 1, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON,
                "b", AttendanceStatus.ABSENT_NO_REASON, "c", AttendanceStatus.ABSENT_EXCUSED), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 4, 24), Map.of("a", AttendanceStatus.ABSENT_REASON_REJECTED,
                "c", AttendanceStatus.ABSENT_EXCUSED), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 9, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON,
                "c", AttendanceStatus.ABSENT_EXCUSED), 100);

        AttendanceRisk risk = queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2025));
        assertThat(risk.items()).extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("a", "b");
        AttendanceRisk.MemberRisk a = risk.items().get(0);
        assertThat(a.monthsWithoutLegitimateReason()).containsExactly(1, 4, 9);
        assertThat(a.rollRemovalFlag()).isTrue();
        assertThat(a.flaggedOn()).isEqualTo(LocalDate.of(2025, 9, 24));
        assertThat(risk.items().get(1).rollRemovalFlag()).isFalse();
        assertThat(queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2024)).items())
                .singleElement().satisfies(b -> assertThat(b.rollRemovalFlag()).isFalse());
    }

    @Test
    void onlyMeetingsTheMemberHadToAttendCountTowardsP12() {
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 1, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON), 100);
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 4, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON), 100);
        // a chi ủy preparation meeting concerns the cell committee, not the whole cell
        meeting(CELL, MeetingKind.COMMITTEE_PREP, LocalDate.of(2025, 9, 22), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                60);
        // temporarily exempt on the day: not required to attend (M8)
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 10, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                100, Set.of("a"));

        AttendanceRisk.MemberRisk a = queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2025)).items()
                .get(0);
        assertThat(a.monthsWithoutLegitimateReason()).containsExactly(1, 4);
        assertThat(a.rollRemovalFlag()).isFalse();
        assertThat(a.outcome().severity()).isEqualTo(Severity.OK);

        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 11, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                100);
        assertThat(queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2025)).items().get(0).flaggedOn())
                .isEqualTo(LocalDate.of(2025, 11, 24));
    }

    @Test
    void absencesFromBeforeAnyVersionOfP12AreShownButNotJudged() {
        for (int month : List.of(1, 4, 9)) {
            meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2015, month, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                    100);
        }

        AttendanceRisk.MemberRisk a = queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2015)).items()
                .get(0);
        assertThat(a.monthsWithoutLegitimateReason()).containsExactly(1, 4, 9);
        assertThat(a.rollRemovalFlag()).isFalse();
        assertThat(a.outcome().rule()).isEqualTo("P12");
        assertThat(a.outcome().severity()).isEqualTo(Severity.NOT_IN_FORCE);
        assertThat(a.outcome().message()).contains("no rule in force on 2015-09-24");
    }

    @Test
    void aYearlyQuotaIsOverdueOnlyOnceTheYearHasEnded() {
        feed(new LiaisonAssigned(CELL, "liaison", COMMUNE, new VisitQuota(2, VisitQuota.Period.YEAR),
                LocalDate.of(2024, 12, 1)));
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 3, 24), Map.of(), 100,
                new GuestInfo("liaison", "Hà Văn Nam", "COMMUNE", "Đảng ủy viên", COMMUNE));

        LiaisonVisits after = queries(JANUARY_2026).handle(new FindLiaisonVisits(CELL, 2025));
        assertThat(after.liaisons()).singleElement().satisfies(l -> {
            assertThat(l.visitsInYear()).isEqualTo(1);
            assertThat(l.overdue()).isTrue();
            assertThat(l.outcome().rule()).isEqualTo("LV1");
        });
        Clock june = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(queries(june).handle(new FindLiaisonVisits(CELL, 2025)).liaisons().get(0).overdue()).isFalse();
        assertThat(after.cellsVisited()).isEqualTo(1);
        assertThat(after.visitedPercent()).isEqualTo("100.00");
    }

    @Test
    void aMeetingShowsItsMinutesAndAmendments() {
        String id = regular(LocalDate.of(2025, 1, 24));
        String later = regular(LocalDate.of(2025, 2, 24));
        feed(new ResolutionAdopted(id, CELL, 1, ResolutionSubject.GENERAL, "Nghị quyết", 3, 0, 0, 3,
                RuleOutcome.ok("M6", "QĐ 24-QĐ/TW")),
                new MinutesAmended(id, CELL, null, "Sửa tên", later, LocalDate.of(2025, 2, 24)));

        MeetingView v = queries(JANUARY_2026).handle(new FindMeeting(id));
        assertThat(v.state()).isEqualTo("CLOSED");
        assertThat(v.roll().official()).isEqualTo(3);
        assertThat(v.roll().members()).hasSize(3);
        assertThat(v.attendance()).hasSize(3);
        assertThat(v.resolutions()).singleElement().satisfies(res -> assertThat(res.outcome().rule()).isEqualTo("M6"));
        assertThat(v.amendments()).singleElement().satisfies(a -> assertThat(a.approvedAtMeetingId()).isEqualTo(later));
        assertThat(v.agenda()).containsExactly("Kết quả tháng");
        assertThatThrownBy(() -> queries(JANUARY_2026).handle(new FindMeeting("nope")))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> register("nowhere", 2025)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aMeetingsRollIsReadBackWithExactlyItsMembersAndFlagsInMemberIdOrder() {
        RollMember a = new RollMember("a", MemberStatus.OFFICIAL, true, false, false, false, false);
        RollMember b = new RollMember("b", MemberStatus.OFFICIAL, false, true, false, false, true);
        RollMember c = new RollMember("c", MemberStatus.PROBATIONARY, false, false, true, false, false);
        RollMember d = new RollMember("d", MemberStatus.OFFICIAL, false, false, false, true, false);
        // a member listed twice is kept once, with the first listing, as the former table's primary key kept it
        RollMember aAgain = new RollMember("a", MemberStatus.PROBATIONARY, false, false, false, false, false);
        String id = opened(LocalDate.of(2025, 1, 24), List.of(c, a, d, b, aAgain));

        assertThat(queries(JANUARY_2026).handle(new FindMeeting(id)).roll().members()).containsExactly(a, b, c, d);
        // one object per member with exactly RollMember's fields (not its derived requiredToAttend)
        assertThat(db.jdbc().queryForList("""
                select distinct jsonb_object_keys(e) from meeting_register_meeting m, jsonb_array_elements(m.roll) e
                 where m.meeting_id = :meeting order by 1""", Map.of("meeting", id), String.class))
                .containsExactly("fullyExempt", "memberId", "membership", "suspended", "temporarilyExempt",
                        "temporarilyTransferredIn", "temporarilyTransferredOut");
        String scheduled = CELL + "-scheduled";
        feed(new MeetingScheduled(scheduled, CELL, MeetingKind.REGULAR, LocalDate.of(2025, 2, 24),
                List.of("Kết quả tháng"), false, LocalDate.of(2025, 2, 1)));
        assertThat(queries(JANUARY_2026).handle(new FindMeeting(scheduled)).roll()).isNull();
    }

    @Test
    void p12CountsOnlyAbsencesOfMembersOnTheMeetingsRollWhoHadToAttend() {
        List<RollMember> roll = List.of(
                new RollMember("a", MemberStatus.OFFICIAL, true, false, false, false, false),
                new RollMember("b", MemberStatus.OFFICIAL, false, false, false, false, false));
        for (int month : List.of(1, 4, 9)) {
            String id = opened(LocalDate.of(2025, month, 24), roll);
            // "z" is recorded absent but is not on the meeting's roll
            for (String m : List.of("a", "b", "z")) {
                feed(new AttendanceRecorded(id, CELL, LocalDate.of(2025, month, 24), m,
                        AttendanceStatus.ABSENT_NO_REASON, null, null));
            }
        }

        AttendanceRisk risk = queries(JANUARY_2026).handle(new FindAttendanceRisk(CELL, 2025));
        assertThat(risk.items()).singleElement().satisfies(b -> {
            assertThat(b.memberId()).isEqualTo("b");
            assertThat(b.monthsWithoutLegitimateReason()).containsExactly(1, 4, 9);
            assertThat(b.rollRemovalFlag()).isTrue();
        });
    }

    /** A meeting of the cell scheduled and opened with the given roll, nothing recorded in it yet. */
    private String opened(LocalDate on, List<RollMember> roll) {
        String id = CELL + "-" + (++meetings);
        feed(new MeetingScheduled(id, CELL, MeetingKind.REGULAR, on, List.of("Kết quả tháng"), false, on),
                new MeetingOpened(id, CELL, on, "a", "b", new RollSnapshot(roll.size(), 0, 0, 0, 0, roll.size(), roll)));
        return id;
    }

    @Test
    void replayAfterResetAndRedeliveryRebuildTheSameRows() {
        meeting(CELL, MeetingKind.REGULAR, LocalDate.of(2025, 1, 24), Map.of("a", AttendanceStatus.ABSENT_NO_REASON),
                100, new GuestInfo("liaison", "Hà Văn Nam", "COMMUNE", "Đảng ủy viên", COMMUNE));
        String id = regular(LocalDate.of(2025, 2, 24));
        feed(new ResolutionAdopted(id, CELL, 1, ResolutionSubject.GENERAL, "Nghị quyết", 3, 0, 0, 3,
                RuleOutcome.ok("M6", "QĐ 24-QĐ/TW")));
        Map<String, List<Map<String, Object>>> before = snapshot();

        for (int i = 1; i <= fed.size(); i++) {
            deliver(fed.get(i - 1), i);
        }
        assertThat(snapshot()).isEqualTo(before);

        projection.reset();
        assertThat(db.count("meeting_register_meeting")).isZero();
        for (int i = 1; i <= fed.size(); i++) {
            deliver(fed.get(i - 1), i);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String t : List.of("meeting_register_meeting", "meeting_register_attendance",
                "meeting_register_guest", "meeting_register_agenda_item", "meeting_register_resolution",
                "meeting_register_outcome", "meeting_register_amendment")) {
            List<Map<String, Object>> rows = db.rows(t, null);
            // text[] comes back as a driver object without value equality; compare its text form.
            rows.forEach(row -> row.replaceAll((k, v) -> v instanceof java.sql.Array ? v.toString() : v));
            tables.put(t, rows);
        }
        return tables;
    }
}
