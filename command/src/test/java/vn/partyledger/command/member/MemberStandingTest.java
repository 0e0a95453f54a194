package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.OTHER_CELL;
import static vn.partyledger.command.member.MemberFixture.append;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.member.MemberFixture.official;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.EndFullExemption;
import vn.partyledger.api.member.EndTemporaryExemption;
import vn.partyledger.api.member.EndTemporaryTransfer;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.GrantFullExemption;
import vn.partyledger.api.member.GrantTemporaryExemption;
import vn.partyledger.api.member.IssueTransfer;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberReinstated;
import vn.partyledger.api.member.ReceiveTransfer;
import vn.partyledger.api.member.RecordAwarenessCourse;
import vn.partyledger.api.member.RecordDeath;
import vn.partyledger.api.member.ReinstateMember;
import vn.partyledger.api.member.RemoveFromProbation;
import vn.partyledger.api.member.RemoveFromRoll;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.SuspendActivity;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;

/** Suspension, removal from the roll and death, and the closed record they leave behind. */
class MemberStandingTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2025, 11, 3);

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canSuspendOfficialMember() {
        fixture.given(official(ID))
                .when(suspension())
                .expectEvents(new ActivitySuspended(ID, CELL, "under prosecution", "QĐ 17-QĐ/ĐU", DECIDED_ON));
    }

    @Test
    void cannotSuspendMemberTwice() {
        fixture.given(suspended())
                .when(suspension())
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotSuspendCandidate() {
        fixture.given(certified(ID))
                .when(suspension())
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canReinstateSuspendedMember() {
        fixture.given(suspended())
                .when(new ReinstateMember(ID, "QĐ 20-QĐ/ĐU", DECIDED_ON.plusMonths(2)))
                .expectEvents(new MemberReinstated(ID, CELL, "QĐ 20-QĐ/ĐU", DECIDED_ON.plusMonths(2)));
    }

    @Test
    void cannotReinstateMemberWhoIsNotSuspended() {
        fixture.given(official(ID))
                .when(new ReinstateMember(ID, "QĐ 20-QĐ/ĐU", DECIDED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canRemoveMemberFromRollOnARecognisedGround() {
        fixture.given(official(ID))
                .when(removal(RollRemovalGround.FEES_UNPAID, "QĐ 25-QĐ/ĐU", "Đảng ủy xã Nà Tông"))
                .expectEvents(new RollRemoved(ID, CELL, RollRemovalGround.FEES_UNPAID, "QĐ 25-QĐ/ĐU",
                        "Đảng ủy xã Nà Tông", DECIDED_ON));
    }

    @Test
    void cannotRemoveFromRollWithoutGround() {
        fixture.given(official(ID))
                .when(removal(null, "QĐ 25-QĐ/ĐU", "Đảng ủy xã Nà Tông"))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P12", "ground"));
    }

    @Test
    void cannotRemoveFromRollWithoutDecision() {
        fixture.given(official(ID))
                .when(removal(RollRemovalGround.LEFT_PARTY_ACTIVITIES, null, "Đảng ủy xã Nà Tông"))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P12", "decisionNo"));
    }

    @Test
    void cannotRemoveFromRollWithoutNamingTheDecidingCommittee() {
        fixture.given(official(ID))
                .when(removal(RollRemovalGround.LEFT_PARTY_ACTIVITIES, "QĐ 25-QĐ/ĐU", " "))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P12", "decidedBy"));
    }

    @Test
    void cannotRemoveCandidateFromRoll() {
        fixture.given(certified(ID))
                .when(removal(RollRemovalGround.LEFT_PARTY_ACTIVITIES, "QĐ 25-QĐ/ĐU", "Đảng ủy xã Nà Tông"))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canRecordDeathOfCandidate() {
        fixture.given(certified(ID))
                .when(new RecordDeath(ID, DECIDED_ON))
                .expectEvents(new MemberDeceased(ID, CELL, DECIDED_ON));
    }

    @Test
    void canRecordDeathOfSuspendedMember() {
        fixture.given(suspended())
                .when(new RecordDeath(ID, DECIDED_ON.plusDays(9)))
                .expectEvents(new MemberDeceased(ID, CELL, DECIDED_ON.plusDays(9)));
    }

    @Test
    void deathDuringAPendingTransferIsRecordedByTheSendingOrganization() {
        fixture.given(append(official(ID), new TransferIssued(ID, CELL, OTHER_CELL, null, TransferKind.OFFICIAL,
                        "GGT 14/2025", null, null, DECIDED_ON)))
                .when(new RecordDeath(ID, DECIDED_ON.plusDays(9)))
                .expectEvents(new MemberDeceased(ID, CELL, DECIDED_ON.plusDays(9)));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnOpenRecord")
    void deceasedMemberRefusesEveryCommand(Object command) {
        fixture.given(append(official(ID), new MemberDeceased(ID, CELL, DECIDED_ON)))
                .when(command)
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnOpenRecord")
    void memberRemovedFromRollRefusesEveryCommand(Object command) {
        fixture.given(append(official(ID), new RollRemoved(ID, CELL, RollRemovalGround.FEES_UNPAID, "QĐ 25-QĐ/ĐU",
                        "Đảng ủy xã Nà Tông", DECIDED_ON)))
                .when(command)
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    /** Commands that an open record of an official member would accept or judge by a rule; all well-formed. */
    static Stream<Object> everyCommandOnAnOpenRecord() {
        LocalDate later = DECIDED_ON.plusDays(10);
        return Stream.of(
                new RecordAwarenessCourse(ID, "GCN-1/2026", later),
                MemberFixture.admission(ID).build(),
                MemberFixture.recognition(ID, later),
                new RemoveFromProbation(ID, "QĐ 90-QĐ/ĐU", "did not meet the standards", later),
                new IssueTransfer(ID, TransferKind.OFFICIAL, OTHER_CELL, null, "GGT 30/2025", null, null, later),
                new ReceiveTransfer(ID, OTHER_CELL, later),
                new EndTemporaryTransfer(ID, later),
                new GrantFullExemption(ID, ExemptionGround.ILLNESS, "NQ 10-NQ/CB", later),
                new EndFullExemption(ID, later),
                new GrantTemporaryExemption(ID, "working far away", "QĐ 32-QĐ/ĐU", later.plusMonths(3), later),
                new EndTemporaryExemption(ID, later),
                new SuspendActivity(ID, "under prosecution", "QĐ 18-QĐ/ĐU", later),
                new ReinstateMember(ID, "QĐ 21-QĐ/ĐU", later),
                new RemoveFromRoll(ID, RollRemovalGround.FEES_UNPAID, "QĐ 26-QĐ/ĐU", "Đảng ủy xã Nà Tông", later),
                new RecordDeath(ID, later));
    }

    private static List<Object> suspended() {
        return append(official(ID), new ActivitySuspended(ID, CELL, "under prosecution", "QĐ 17-QĐ/ĐU", DECIDED_ON));
    }

    private static SuspendActivity suspension() {
        return new SuspendActivity(ID, "under prosecution", "QĐ 17-QĐ/ĐU", DECIDED_ON);
    }

    private static RemoveFromRoll removal(RollRemovalGround ground, String decisionNo, String decidedBy) {
        return new RemoveFromRoll(ID, ground, decisionNo, decidedBy, DECIDED_ON);
    }
}
