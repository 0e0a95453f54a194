package vn.partyledger.command.member;

import vn.partyledger.command.InMemoryOrganizationDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.member.AdmitMember;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.RecognizeOfficial;
import vn.partyledger.api.member.RegisterCandidate;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.command.directory.MeetingRoll;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One candidate's ordinary path through the ledger, and the organisations and introducers around it. Every factory
 * yields facts or commands that pass every rule, so a test changes only what it is about.
 */
final class MemberFixture {

    static final String ID = "member-1";
    static final String CELL = "cell-ban-pa";
    static final String OTHER_CELL = "cell-tieu-khu-2";
    static final String DISSOLVED_CELL = "cell-ban-cu";
    static final String COMMUNE = "commune-na-tong";
    static final String PROVINCE = "province-dien-bien";

    static final String INTRODUCER_A = "member-a";
    static final String INTRODUCER_B = "member-b";
    static final String PROBATIONARY_MEMBER = "member-p";
    /** Official only since after the admission decision. */
    static final String RECENT_OFFICIAL = "member-r";
    static final String UNKNOWN_MEMBER = "member-x";

    static final LocalDate BORN = LocalDate.of(1990, 5, 10);
    static final LocalDate REGISTERED_ON = LocalDate.of(2024, 1, 15);
    static final LocalDate COURSE_ON = LocalDate.of(2024, 3, 1);
    static final LocalDate REVIEWED_ON = LocalDate.of(2024, 6, 1);
    static final LocalDate DECIDED_ON = LocalDate.of(2024, 6, 10);
    static final LocalDate CEREMONY_ON = LocalDate.of(2024, 6, 20);
    /** Ceremony plus 12 months; a Friday. */
    static final LocalDate PROBATION_ENDS_ON = LocalDate.of(2025, 6, 20);
    static final LocalDate RECOGNIZED_ON = LocalDate.of(2025, 6, 25);
    static final LocalDate WORKED_WITH_SINCE = LocalDate.of(2022, 1, 1);
    static final CellVote ADMISSION_VOTE = new CellVote(15, 17, REVIEWED_ON);
    static final CellVote RECOGNITION_VOTE = new CellVote(16, 17, RECOGNIZED_ON.minusDays(1));

    private MemberFixture() {
    }

    static FixtureConfiguration<Member> aggregate() {
        return aggregateWithOfficials(17);
    }

    /** The cell has {@code officials} official members on every day, which the cell votes must name (P4). */
    static FixtureConfiguration<Member> aggregateWithOfficials(int officials) {
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(organizations());
        fixture.registerInjectableResource(members());
        fixture.registerInjectableResource(MembershipRules.standard());
        fixture.registerInjectableResource(cellOfOfficials(officials));
        return fixture;
    }

    /** The cell's roll on any day: {@code officials} official members (the votes of this fixture are out of 17). */
    static MeetingRoll cellOfOfficials(int officials) {
        List<RollMember> roll = new ArrayList<>();
        for (int i = 0; i < officials; i++) {
            roll.add(new RollMember("official-" + i, MemberStatus.OFFICIAL, false, false, false, false, false));
        }
        return (organizationId, date) -> roll;
    }

    static InMemoryOrganizationDirectory organizations() {
        return new InMemoryOrganizationDirectory()
                .with(new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, true))
                .with(new OrganizationEntry(OTHER_CELL, OrganizationLevel.CELL, CellType.URBAN_QUARTER, COMMUNE, false, true))
                .with(new OrganizationEntry(DISSOLVED_CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, false))
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, PROVINCE, true, true))
                .with(new OrganizationEntry(PROVINCE, OrganizationLevel.PROVINCE, null, null, false, true));
    }

    static InMemoryMemberDirectory members() {
        LocalDate longAgo = LocalDate.of(2015, 3, 1);
        return new InMemoryMemberDirectory()
                .with(new MemberEntry(INTRODUCER_A, CELL, MemberStatus.OFFICIAL, longAgo))
                .with(new MemberEntry(INTRODUCER_B, CELL, MemberStatus.OFFICIAL, longAgo))
                .with(new MemberEntry(PROBATIONARY_MEMBER, CELL, MemberStatus.PROBATIONARY, null))
                .with(new MemberEntry(RECENT_OFFICIAL, CELL, MemberStatus.OFFICIAL, DECIDED_ON.plusDays(1)));
    }

    static RegisterCandidate registration(String id) {
        return new RegisterCandidate(id, CELL, "Lò Văn Pánh", BORN, Gender.MALE, "Thái",
                EducationLevel.UPPER_SECONDARY, REGISTERED_ON);
    }

    static CandidateRegistered registered(String id) {
        return registered(id, BORN, Gender.MALE, EducationLevel.UPPER_SECONDARY);
    }

    static CandidateRegistered registered(String id, LocalDate born, Gender gender, EducationLevel education) {
        return new CandidateRegistered(id, CELL, "Lò Văn Pánh", born, gender, "Thái", education, REGISTERED_ON);
    }

    static List<Object> certified(String id) {
        return certified(registered(id));
    }

    static List<Object> certified(CandidateRegistered registration) {
        return List.of(registration,
                new AwarenessCourseCompleted(registration.memberId(), CELL, "GCN-118/2024", COURSE_ON));
    }

    static List<Object> admitted(String id) {
        return admitted(registered(id));
    }

    static List<Object> admitted(CandidateRegistered registration) {
        return append(certified(registration), new MemberAdmitted(registration.memberId(), CELL, "QĐ 45-QĐ/ĐU",
                "Đảng ủy xã Nà Tông", DECIDED_ON, CEREMONY_ON, twoIntroducers(), ADMISSION_VOTE, PROBATION_ENDS_ON));
    }

    static List<Object> official(String id) {
        return official(registered(id));
    }

    static List<Object> official(CandidateRegistered registration) {
        return append(admitted(registration), new MembershipMadeOfficial(registration.memberId(), CELL,
                PROBATION_ENDS_ON, "QĐ 88-QĐ/ĐU", RECOGNIZED_ON, RECOGNITION_VOTE, false));
    }

    static List<Object> append(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    static List<Introducer> twoIntroducers() {
        return List.of(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE), new Introducer(INTRODUCER_B, WORKED_WITH_SINCE));
    }

    static Admission admission(String id) {
        return new Admission(id);
    }

    static RecognizeOfficial recognition(String id, LocalDate decidedOn) {
        return recognition(id, decidedOn, new CellVote(16, 17, decidedOn));
    }

    static RecognizeOfficial recognition(String id, LocalDate decidedOn, CellVote vote) {
        return new RecognizeOfficial(id, "QĐ 88-QĐ/ĐU", decidedOn, vote);
    }

    /** An admission decision that passes every rule until a test changes one part of it. */
    static final class Admission {
        private final String id;
        private List<Introducer> introducers = twoIntroducers();
        private CellVote vote = ADMISSION_VOTE;
        private LocalDate decidedOn = DECIDED_ON;
        private LocalDate ceremonyOn = CEREMONY_ON;
        private String decisionNo = "QĐ 45-QĐ/ĐU";
        private boolean relaxedArea;
        private Authority ageException;

        private Admission(String id) {
            this.id = id;
        }

        Admission introducers(Introducer... introducers) {
            this.introducers = List.of(introducers);
            return this;
        }

        Admission vote(int approving, int officialMembers) {
            this.vote = new CellVote(approving, officialMembers, vote.heldOn());
            return this;
        }

        Admission reviewedOn(LocalDate heldOn) {
            this.vote = new CellVote(vote.approving(), vote.officialMembers(), heldOn);
            return this;
        }

        Admission decidedOn(LocalDate date) {
            this.decidedOn = date;
            return this;
        }

        Admission ceremonyOn(LocalDate date) {
            this.ceremonyOn = date;
            return this;
        }

        Admission decisionNo(String decisionNo) {
            this.decisionNo = decisionNo;
            return this;
        }

        Admission inRelaxedArea() {
            this.relaxedArea = true;
            return this;
        }

        Admission withProvincialAgeException() {
            this.ageException = new Authority("CV 310-CV/TU", "Ban Thường vụ Tỉnh ủy Điện Biên", REVIEWED_ON.minusDays(20));
            return this;
        }

        AdmitMember build() {
            return new AdmitMember(id, decisionNo, "Đảng ủy xã Nà Tông", decidedOn, ceremonyOn, introducers, vote,
                    relaxedArea, ageException);
        }

        MemberAdmitted admitted() {
            return new MemberAdmitted(id, CELL, decisionNo, "Đảng ủy xã Nà Tông", decidedOn, ceremonyOn, introducers,
                    vote, ceremonyOn.plusMonths(12));
        }
    }
}
