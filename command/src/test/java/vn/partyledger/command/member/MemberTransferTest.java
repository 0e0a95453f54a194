package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.DISSOLVED_CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.OTHER_CELL;
import static vn.partyledger.command.member.MemberFixture.PROBATION_ENDS_ON;
import static vn.partyledger.command.member.MemberFixture.admitted;
import static vn.partyledger.command.member.MemberFixture.append;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.member.MemberFixture.official;
import static vn.partyledger.command.member.MemberFixture.recognition;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.notFound;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EndTemporaryTransfer;
import vn.partyledger.api.member.IssueTransfer;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ReceiveTransfer;
import vn.partyledger.api.member.SuspendActivity;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;

class MemberTransferTest {

    private static final LocalDate ISSUED_ON = LocalDate.of(2025, 9, 10);
    private static final LocalDate RECEIVED_ON = LocalDate.of(2025, 9, 20);

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canTransferOfficiallyToAnotherOrganizationInTheLedger() {
        fixture.given(official(ID))
                .when(officialTransfer(OTHER_CELL, null))
                .expectEvents(officialTransferIssued(OTHER_CELL, null));
    }

    @Test
    void receivingAnOfficialTransferMovesTheMemberToTheReceivingRoll() {
        fixture.given(append(official(ID), officialTransferIssued(OTHER_CELL, null)))
                .when(new ReceiveTransfer(ID, OTHER_CELL, RECEIVED_ON))
                .expectEvents(new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.OFFICIAL, RECEIVED_ON));
    }

    @Test
    void eventsAfterAnOfficialTransferBelongToTheReceivingOrganization() {
        fixture.given(append(official(ID), officialTransferIssued(OTHER_CELL, null),
                        new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.OFFICIAL, RECEIVED_ON)))
                .when(new SuspendActivity(ID, "under investigation", "QĐ 12-QĐ/ĐU", RECEIVED_ON.plusDays(5)))
                .expectEvents(new ActivitySuspended(ID, OTHER_CELL, "under investigation", "QĐ 12-QĐ/ĐU",
                        RECEIVED_ON.plusDays(5)));
    }

    @Test
    void probationaryMemberStaysProbationaryAfterAnOfficialTransfer() {
        LocalDate issued = LocalDate.of(2025, 2, 3);
        LocalDate received = LocalDate.of(2025, 2, 10);
        CellVote vote = new CellVote(5, 6, PROBATION_ENDS_ON);
        MemberFixture.aggregateWithOfficials(6).given(append(admitted(ID),
                        new TransferIssued(ID, CELL, OTHER_CELL, null, TransferKind.OFFICIAL, "GGT 7/2025", null, null, issued),
                        new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.OFFICIAL, received)))
                .when(recognition(ID, PROBATION_ENDS_ON, vote))
                .expectEvents(new MembershipMadeOfficial(ID, OTHER_CELL, PROBATION_ENDS_ON, "QĐ 88-QĐ/ĐU",
                        PROBATION_ENDS_ON, vote, false));
    }

    @Test
    void memberAwaitingReceiptIsNotOnEitherRoll() {
        fixture.given(append(official(ID), officialTransferIssued(OTHER_CELL, null)))
                .when(new SuspendActivity(ID, "under investigation", "QĐ 12-QĐ/ĐU", RECEIVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotReceiveTransferIssuedToAnotherOrganization() {
        fixture.given(append(official(ID), officialTransferIssued(OTHER_CELL, null)))
                .when(new ReceiveTransfer(ID, MemberFixture.COMMUNE, RECEIVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "organizationId"));
    }

    @Test
    void cannotReceiveTransferBeforeItWasIssued() {
        fixture.given(append(official(ID), officialTransferIssued(OTHER_CELL, null)))
                .when(new ReceiveTransfer(ID, OTHER_CELL, ISSUED_ON.minusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("occurredOn"));
    }

    @Test
    void cannotReceiveWithoutAPendingTransfer() {
        fixture.given(official(ID))
                .when(new ReceiveTransfer(ID, OTHER_CELL, RECEIVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotIssueASecondTransferWhileOneAwaitsReceipt() {
        fixture.given(append(official(ID), temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(6), null)))
                .when(officialTransfer(MemberFixture.COMMUNE, null))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canTransferOfficiallyOutsideTheLedger() {
        fixture.given(official(ID))
                .when(officialTransfer(null, "Đảng bộ phường Ba Đình, Hà Nội"))
                .expectEvents(officialTransferIssued(null, "Đảng bộ phường Ba Đình, Hà Nội"));
    }

    @Test
    void transferOutsideTheLedgerClosesTheRecord() {
        fixture.given(append(official(ID), officialTransferIssued(null, "Đảng bộ phường Ba Đình, Hà Nội")))
                .when(new ReceiveTransfer(ID, OTHER_CELL, RECEIVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotTransferOutsideTheLedgerWithoutNamingTheDestination() {
        fixture.given(official(ID))
                .when(officialTransfer(null, " "))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("destinationName"));
    }

    @Test
    void cannotTransferToUnknownOrganization() {
        fixture.given(official(ID))
                .when(officialTransfer("cell-nowhere", null))
                .expectNoEvents()
                .expectExceptionDetails(notFound("toOrganizationId"));
    }

    @Test
    void cannotTransferToDissolvedOrganization() {
        fixture.given(official(ID))
                .when(officialTransfer(DISSOLVED_CELL, null))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "toOrganizationId"));
    }

    @Test
    void cannotTransferToTheHomeOrganization() {
        fixture.given(official(ID))
                .when(officialTransfer(CELL, null))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "toOrganizationId"));
    }

    @Test
    void cannotTransferCandidate() {
        fixture.given(certified(ID))
                .when(officialTransfer(OTHER_CELL, null))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canTemporarilyTransferForThreeMonths() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(3), null))
                .expectEvents(temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(3), null));
    }

    @Test
    void cannotTemporarilyTransferForLessThanThreeMonths() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(3).minusDays(1), null))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "until"));
    }

    @Test
    void canTemporarilyTransferForJustUnderAYear() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(12).minusDays(1), null))
                .expectEvents(temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(12).minusDays(1), null));
    }

    @Test
    void cannotTemporarilyTransferForAYearUnlessStudy() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(12), "WORK"))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "until"));
    }

    @Test
    void cannotTemporarilyTransferForTwoYearsUnlessStudy() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(24), null))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "until"));
    }

    @Test
    void canTemporarilyTransferForTwoYearsToStudy() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(24), "study"))
                .expectEvents(temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(24), "study"));
    }

    @Test
    void cannotTemporarilyTransferForMoreThanTwoYearsEvenToStudy() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, ISSUED_ON.plusMonths(24).plusDays(1), "STUDY"))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P9", "until"));
    }

    @Test
    void cannotTemporarilyTransferWithoutEndDate() {
        fixture.given(official(ID))
                .when(temporaryTransfer(OTHER_CELL, null, null))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("until"));
    }

    @Test
    void receivingATemporaryTransferKeepsTheHomeOrganization() {
        LocalDate until = ISSUED_ON.plusMonths(6);
        fixture.given(append(official(ID), temporaryTransferIssued(OTHER_CELL, until, null),
                        new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.TEMPORARY, RECEIVED_ON)))
                .when(new SuspendActivity(ID, "under investigation", "QĐ 12-QĐ/ĐU", RECEIVED_ON.plusDays(5)))
                .expectEvents(new ActivitySuspended(ID, CELL, "under investigation", "QĐ 12-QĐ/ĐU",
                        RECEIVED_ON.plusDays(5)));
    }

    @Test
    void endingATemporaryTransferNamesTheHost() {
        LocalDate until = ISSUED_ON.plusMonths(6);
        fixture.given(append(official(ID), temporaryTransferIssued(OTHER_CELL, until, null),
                        new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.TEMPORARY, RECEIVED_ON)))
                .when(new EndTemporaryTransfer(ID, until))
                .expectEvents(new TemporaryTransferEnded(ID, CELL, OTHER_CELL, until));
    }

    @Test
    void temporaryTransferOutsideTheLedgerStartsAtOnce() {
        LocalDate until = ISSUED_ON.plusMonths(6);
        fixture.given(append(official(ID), new TransferIssued(ID, CELL, null, "Chi bộ Trường Chính trị tỉnh Sơn La",
                        TransferKind.TEMPORARY, "GGT 21/2025", until, null, ISSUED_ON)))
                .when(new EndTemporaryTransfer(ID, until))
                .expectEvents(new TemporaryTransferEnded(ID, CELL, null, until));
    }

    @Test
    void cannotTransferAgainBeforeReturningFromTemporaryTransfer() {
        fixture.given(append(official(ID), temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(6), null),
                        new TransferReceived(ID, OTHER_CELL, CELL, TransferKind.TEMPORARY, RECEIVED_ON)))
                .when(officialTransfer(MemberFixture.COMMUNE, null))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotEndTemporaryTransferThatWasNeverReceived() {
        fixture.given(append(official(ID), temporaryTransferIssued(OTHER_CELL, ISSUED_ON.plusMonths(6), null)))
                .when(new EndTemporaryTransfer(ID, RECEIVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    private static IssueTransfer officialTransfer(String to, String destinationName) {
        return new IssueTransfer(ID, TransferKind.OFFICIAL, to, destinationName, "GGT 14/2025", null, null, ISSUED_ON);
    }

    private static TransferIssued officialTransferIssued(String to, String destinationName) {
        return new TransferIssued(ID, CELL, to, destinationName, TransferKind.OFFICIAL, "GGT 14/2025", null, null,
                ISSUED_ON);
    }

    private static IssueTransfer temporaryTransfer(String to, LocalDate until, String purpose) {
        return new IssueTransfer(ID, TransferKind.TEMPORARY, to, null, "GGT 15/2025", until, purpose, ISSUED_ON);
    }

    private static TransferIssued temporaryTransferIssued(String to, LocalDate until, String purpose) {
        return new TransferIssued(ID, CELL, to, null, TransferKind.TEMPORARY, "GGT 15/2025", until, purpose, ISSUED_ON);
    }
}
