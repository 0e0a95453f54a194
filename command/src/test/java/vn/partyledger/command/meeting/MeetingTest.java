package vn.partyledger.command.meeting;

import vn.partyledger.command.InMemoryOrganizationDirectory;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.noRuleInForce;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.meeting.AdoptResolution;
import vn.partyledger.api.meeting.AgendaEntry;
import vn.partyledger.api.meeting.AgendaItemDiscussed;
import vn.partyledger.api.meeting.AgendaTopic;
import vn.partyledger.api.meeting.AmendMinutes;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.CloseMeeting;
import vn.partyledger.api.meeting.FeeReport;
import vn.partyledger.api.meeting.FeeReportPresented;
import vn.partyledger.api.meeting.GuestAttended;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.MaterialsPublished;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.MinutesAmended;
import vn.partyledger.api.meeting.OpenMeeting;
import vn.partyledger.api.meeting.RecordAttendance;
import vn.partyledger.api.meeting.RecordHeldMeeting;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionRejected;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.meeting.ScheduleMeeting;
import vn.partyledger.api.meeting.Vote;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;
import vn.partyledger.command.directory.MeetingEntry;
import vn.partyledger.command.directory.OrganizationEntry;

class MeetingTest {

    private static final String ID = "meeting-1";
    private static final String CELL = "cell-sao-do-2";
    private static final String COMMUNE = "commune-van-ho";
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 24);
    private static final LocalDate DECEMBER = LocalDate.of(2025, 12, 24);
    private static final RollMember A = official("a");
    private static final RollMember B = official("b");
    private static final RollMember C = official("c");
    private static final RollMember PROBATIONARY = new RollMember("p", MemberStatus.PROBATIONARY, false, false, false,
            false, false);
    private static final RollMember EXEMPT = new RollMember("e", MemberStatus.OFFICIAL, true, false, false, false,
            false);
    private static final RollMember GUEST = new RollMember("g", MemberStatus.OFFICIAL, false, false, false, true,
            false);
    private static final List<RollMember> ROLL = List.of(A, B, C, PROBATIONARY, EXEMPT, GUEST);

    private final FakeDirectories.Meetings meetings = new FakeDirectories.Meetings()
            .roll(CELL, LocalDate.of(2010, 1, 1), ROLL);
    private final FixtureConfiguration<Meeting> fixture = fixture(meetings);

    private static RollMember official(String id) {
        return new RollMember(id, MemberStatus.OFFICIAL, false, false, false, false, false);
    }

    private static FixtureConfiguration<Meeting> fixture(FakeDirectories.Meetings meetings) {
        FixtureConfiguration<Meeting> f = new AggregateTestFixture<>(Meeting.class);
        f.registerInjectableResource(new InMemoryOrganizationDirectory()
                .with(new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.URBAN_QUARTER, COMMUNE, false, true))
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, null, true, true)));
        f.registerInjectableResource(meetings);
        f.registerInjectableResource(MeetingRules.standard());
        return f;
    }

    private static RecordHeldMeeting held(MeetingKind kind, LocalDate on, List<AttendanceEntry> attendance,
                                          List<Vote> votes, int minutes) {
        return new RecordHeldMeeting(ID, CELL, kind, on, List.of("Kết quả tháng"), false, null, null, "a", "b",
                attendance, List.of(new GuestInfo("liaison-1", "Hà Văn Nam", "COMMUNE", "Đảng ủy viên phụ trách",
                        COMMUNE)), List.of(new AgendaEntry(AgendaTopic.MONTH_RESULTS, "Kết quả tháng 3")), votes,
                new FeeReport(150_000, 20_000, 130_000), minutes);
    }

    private static List<AttendanceEntry> everyonePresent() {
        return List.of(new AttendanceEntry("a", AttendanceStatus.PRESENT, null),
                new AttendanceEntry("b", AttendanceStatus.LATE, null),
                new AttendanceEntry("c", AttendanceStatus.PRESENT, null),
                new AttendanceEntry("p", AttendanceStatus.PRESENT, null));
    }

    private static Matcher<List<EventMessage<?>>> capture(List<Object> payloads) {
        return new CustomTypeSafeMatcher<>("any events") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                events.forEach(e -> payloads.add(e.getPayload()));
                return true;
            }
        };
    }

    private static MeetingScheduled scheduled(MeetingKind kind, LocalDate on) {
        return new MeetingScheduled(ID, CELL, kind, on, List.of(), false, on);
    }

    private static MeetingOpened opened(LocalDate on) {
        return new MeetingOpened(ID, CELL, on, "a", "b", new RollSnapshot(4, 1, 1, 1, 0, 4, ROLL));
    }

    @Test
    void aHeldMeetingBecomesTheEventsOfTheStepByStepFlowInOneCommand() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, MARCH, everyonePresent(),
                        List.of(new Vote(ResolutionSubject.GENERAL, "Nghị quyết tháng 3", 3, 0, 0)), 100))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(capture(events));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeetingScheduled",
                "MeetingOpened", "AttendanceRecorded", "AttendanceRecorded", "AttendanceRecorded", "AttendanceRecorded",
                "GuestAttended", "AgendaItemDiscussed", "ResolutionAdopted", "FeeReportPresented", "MeetingClosed");
        MeetingOpened opened = (MeetingOpened) events.get(1);
        // M8: the exempt member and the guest transferred in are not required; the probationary member is.
        assertThat(opened.roll()).isEqualTo(new RollSnapshot(4, 1, 1, 1, 0, 4, ROLL));
        ResolutionAdopted resolution = (ResolutionAdopted) events.get(8);
        // Only official members vote; the exempt member who stayed away does not count.
        assertThat(resolution.eligible()).isEqualTo(3);
        assertThat(resolution.outcome().rule()).isEqualTo("M6");
        MeetingClosed closed = (MeetingClosed) events.get(10);
        assertThat(closed.attended()).isEqualTo(4);
        assertThat(closed.requiredToAttend()).isEqualTo(4);
        assertThat(closed.outcomes()).extracting(RuleOutcome::rule, RuleOutcome::severity)
                .containsExactly(tuple("M3", Severity.OK));
        assertThat(((GuestAttended) events.get(6)).guest().personId()).isEqualTo("liaison-1");
        assertThat(((FeeReportPresented) events.get(9)).balance()).isEqualTo(130_000);
        assertThat(((AgendaItemDiscussed) events.get(7)).topic()).isEqualTo(AgendaTopic.MONTH_RESULTS);
    }

    @Test
    void attendanceOfSomeoneNotOnTheRollThatDayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, MARCH, List.of(new AttendanceEntry("stranger", AttendanceStatus.PRESENT,
                        null)), List.of(), 100))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(invalidInput("attendance[0].memberId"))
                .expectNoEvents();
    }

    @Test
    void theSameMemberCannotAttendTwice() {
        List<AttendanceEntry> twice = new ArrayList<>(everyonePresent());
        twice.add(new AttendanceEntry("a", AttendanceStatus.LATE, null));
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, MARCH, twice, List.of(), 100))
                .expectExceptionDetails(invalidInput("attendance[4].memberId"))
                .expectNoEvents();
    }

    @Test
    void anExcusedAbsenceNeedsTheReason() {
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, MARCH, List.of(new AttendanceEntry("a", AttendanceStatus.ABSENT_EXCUSED,
                        " ")), List.of(), 100))
                .expectExceptionDetails(invalidInput("attendance[0].reason"))
                .expectNoEvents();
    }

    @Test
    void votesAboveTheEligibleCountAreRefused() {
        // c is excused: official members present are a and b, so at most two votes can be cast.
        List<AttendanceEntry> rows = List.of(new AttendanceEntry("a", AttendanceStatus.PRESENT, null),
                new AttendanceEntry("b", AttendanceStatus.PRESENT, null),
                new AttendanceEntry("c", AttendanceStatus.ABSENT_EXCUSED, "ốm"));
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, MARCH, rows,
                        List.of(new Vote(ResolutionSubject.GENERAL, "Nghị quyết", 2, 1, 0)), 100))
                .expectExceptionDetails(invalidInput("resolutions[0].votesFor"))
                .expectNoEvents();
    }

    @Test
    void aMeetingDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, LocalDate.now().plusDays(3), everyonePresent(), List.of(), 100))
                .expectExceptionDetails(invalidInput("heldOn"))
                .expectNoEvents();
    }

    @Test
    void aMeetingOnADayNobodyWasOnTheRollIsRefused() {
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.REGULAR, LocalDate.of(2009, 5, 1), List.of(), List.of(), 100))
                .expectExceptionDetails(invalidInput("heldOn"))
                .expectNoEvents();
    }

    @Test
    void aClosedMeetingIsNeverReopened() {
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH),
                        new MeetingClosed(ID, CELL, MeetingKind.REGULAR, MARCH, 100, 0, 4, 0, List.of()))
                .when(new OpenMeeting(ID, "a", "b", MARCH))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
    }

    @Test
    void attendanceIsRecordedOnlyWhileTheMeetingIsOpen() {
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH))
                .when(new RecordAttendance(ID, "a", AttendanceStatus.PRESENT, null, MARCH))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
    }

    @Test
    void factsOfTheMeetingHappenOnItsDate() {
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH))
                .when(new RecordAttendance(ID, "a", AttendanceStatus.PRESENT, null, MARCH.plusDays(1)))
                .expectExceptionDetails(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void openingTakesTheRollOfTheMeetingDate() {
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH))
                .when(new OpenMeeting(ID, "a", "b", MARCH))
                .expectEvents(opened(MARCH));
    }

    @Test
    void aSecondRegularMeetingInAMonthIsRefusedUnlessItIsACorrection() {
        meetings.with(new MeetingEntry("earlier", CELL, MeetingKind.REGULAR, MARCH.minusDays(4), false));
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, CELL, MeetingKind.COMBINED, MARCH, List.of(), false, MARCH))
                .expectExceptionDetails(brokenRule("M1", "heldOn"))
                .expectNoEvents();
        fixture(meetings).givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, CELL, MeetingKind.REGULAR, MARCH, List.of(), true, MARCH))
                .expectEvents(new MeetingScheduled(ID, CELL, MeetingKind.REGULAR, MARCH, List.of(), true, MARCH));
        fixture(meetings).givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, CELL, MeetingKind.THEMATIC, MARCH, List.of(), false, MARCH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCombinedMeetingShorterThan120MinutesIsAcceptedWithAnM3Warning() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(held(MeetingKind.COMBINED, MARCH, everyonePresent(), List.of(), 100))
                .expectEventsMatching(capture(events));
        MeetingClosed closed = (MeetingClosed) events.get(events.size() - 1);
        assertThat(closed.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo("M3");
            assertThat(o.severity()).isEqualTo(Severity.WARNING);
            assertThat(o.basis()).contains("HD 12-HD/BTCTW");
        });
    }

    @Test
    void fromHd42MaterialsPublishedLessThanADayBeforeAreWarned() {
        List<Object> events = new ArrayList<>();
        fixture.given(scheduled(MeetingKind.REGULAR, DECEMBER),
                        new MaterialsPublished(ID, CELL, "Sổ tay đảng viên điện tử", DECEMBER), opened(DECEMBER))
                .when(new CloseMeeting(ID, 120, DECEMBER))
                .expectEventsMatching(capture(events));
        MeetingClosed closed = (MeetingClosed) events.get(0);
        assertThat(closed.outcomes()).extracting(RuleOutcome::rule, RuleOutcome::severity).containsExactly(
                tuple("M3", Severity.OK),
                tuple("M5", Severity.WARNING));
        assertThat(closed.outcomes().get(1).basis()).contains("HD 42-HD/BTCTW");
    }

    @Test
    void materialsPublishedTheDayBeforeSatisfyHd42() {
        List<Object> events = new ArrayList<>();
        fixture.given(scheduled(MeetingKind.REGULAR, DECEMBER),
                        new MaterialsPublished(ID, CELL, "Sổ tay đảng viên điện tử", DECEMBER.minusDays(1)),
                        opened(DECEMBER))
                .when(new CloseMeeting(ID, 120, DECEMBER))
                .expectEventsMatching(capture(events));
        assertThat(((MeetingClosed) events.get(0)).outcomes()).allMatch(o -> o.severity() == Severity.OK);
    }

    @Test
    void anAdmissionResolutionNeedsTwoThirdsOfTheOfficialMembers() {
        // Four official members on the roll (a, b, c and the exempt e): two approving is a majority of the three
        // eligible, but less than two thirds of four.
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH),
                        new AttendanceRecorded(ID, CELL, MARCH, "a", AttendanceStatus.PRESENT, null, null),
                        new AttendanceRecorded(ID, CELL, MARCH, "b", AttendanceStatus.PRESENT, null, null),
                        new AttendanceRecorded(ID, CELL, MARCH, "c", AttendanceStatus.PRESENT, null, null))
                .when(new AdoptResolution(ID, new Vote(ResolutionSubject.ADMISSION, "Kết nạp", 2, 1, 0), MARCH))
                .expectEvents(new ResolutionRejected(ID, CELL, 1, ResolutionSubject.ADMISSION, "Kết nạp", 2, 1, 0, 3,
                        MeetingRules.standard().at(MARCH).personnelApproval().check(2, 4)));
    }

    @Test
    void aResolutionOf2019RestsOnTheCharterImplementationOf2016() {
        LocalDate day = LocalDate.of(2019, 3, 24);
        fixture.given(scheduled(MeetingKind.REGULAR, day), opened(day), present(day, "a"), present(day, "b"),
                        present(day, "c"))
                .when(new AdoptResolution(ID, new Vote(ResolutionSubject.GENERAL, "Làm đường", 3, 0, 0), day))
                .expectEvents(new ResolutionAdopted(ID, CELL, 1, ResolutionSubject.GENERAL, "Làm đường", 3, 0, 0, 3,
                        RuleOutcome.ok("M6", "QĐ 29-QĐ/TW (25/7/2016): quá nửa số được triệu tập")));
    }

    @Test
    void aResolutionOf2022RestsOnTheCharterImplementationOf2021() {
        LocalDate day = LocalDate.of(2022, 3, 24);
        fixture.given(scheduled(MeetingKind.REGULAR, day), opened(day), present(day, "a"), present(day, "b"),
                        present(day, "c"))
                .when(new AdoptResolution(ID, new Vote(ResolutionSubject.GENERAL, "Làm đường", 3, 0, 0), day))
                .expectEvents(new ResolutionAdopted(ID, CELL, 1, ResolutionSubject.GENERAL, "Làm đường", 3, 0, 0, 3,
                        RuleOutcome.ok("M6", "QĐ 24-QĐ/TW (30/7/2021) §9.3: quá nửa số được triệu tập")));
    }

    @Test
    void aResolutionFromBeforeAnyMajorityRuleIsRefusedNamingM6() {
        LocalDate day = LocalDate.of(2015, 3, 24);
        fixture.given(scheduled(MeetingKind.REGULAR, day), opened(day), present(day, "a"), present(day, "b"),
                        present(day, "c"))
                .when(new AdoptResolution(ID, new Vote(ResolutionSubject.GENERAL, "Làm đường", 3, 0, 0), day))
                .expectExceptionDetails(noRuleInForce("M6", "vote"))
                .expectNoEvents();
    }

    @Test
    void aMeetingFromBeforeTheCharterOfItsMonthlyRuleIsRefusedNamingM1() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, CELL, MeetingKind.REGULAR, LocalDate.of(2010, 6, 1), List.of(), false,
                        LocalDate.of(2010, 5, 20)))
                .expectExceptionDetails(noRuleInForce("M1", "heldOn"))
                .expectNoEvents();
    }

    private static AttendanceRecorded present(LocalDate day, String memberId) {
        return new AttendanceRecorded(ID, CELL, day, memberId, AttendanceStatus.PRESENT, null, null);
    }

    @Test
    void aTieIsNotMoreThanHalf() {
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH),
                        new AttendanceRecorded(ID, CELL, MARCH, "a", AttendanceStatus.PRESENT, null, null),
                        new AttendanceRecorded(ID, CELL, MARCH, "b", AttendanceStatus.PRESENT, null, null),
                        new AttendanceRecorded(ID, CELL, MARCH, "c", AttendanceStatus.ABSENT_EXCUSED, "ốm", true))
                .when(new AdoptResolution(ID, new Vote(ResolutionSubject.GENERAL, "Làm đường", 1, 1, 0), MARCH))
                .expectEvents(new ResolutionRejected(ID, CELL, 1, ResolutionSubject.GENERAL, "Làm đường", 1, 1, 0, 2,
                        MeetingRules.standard().at(MARCH).majority().orElseThrow().check(1, 2)));
    }

    @Test
    void minutesAreAmendedOnlyAsApprovedAtALaterMeetingOfTheCell() {
        meetings.with(new MeetingEntry("april", CELL, MeetingKind.REGULAR, MARCH.plusMonths(1), false))
                .with(new MeetingEntry("february", CELL, MeetingKind.REGULAR, MARCH.minusMonths(1), false));
        MeetingClosed closed = new MeetingClosed(ID, CELL, MeetingKind.REGULAR, MARCH, 100, 0, 4, 0, List.of());
        fixture.given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH), closed)
                .when(new AmendMinutes(ID, "event-7", "Sửa số phiếu", "february", MARCH.minusMonths(1)))
                .expectExceptionDetails(invalidInput("approvedAtMeetingId"));
        fixture(meetings).given(scheduled(MeetingKind.REGULAR, MARCH), opened(MARCH), closed)
                .when(new AmendMinutes(ID, "event-7", "Sửa số phiếu", "april", MARCH.plusMonths(1)))
                .expectEvents(new MinutesAmended(ID, CELL, "event-7", "Sửa số phiếu", "april", MARCH.plusMonths(1)));
    }

    @Test
    void onlyCellsHoldCellMeetings() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, COMMUNE, MeetingKind.REGULAR, MARCH, List.of(), false, MARCH))
                .expectExceptionDetails(invalidInput("organizationId"));
    }
}
