package vn.partyledger.command.commitment;

import vn.partyledger.command.Refusals;
import static vn.partyledger.command.commitment.CommitmentTest.CELL;
import static vn.partyledger.command.commitment.CommitmentTest.ID;
import static vn.partyledger.command.commitment.CommitmentTest.MEMBER;
import static vn.partyledger.command.commitment.CommitmentTest.ON;
import static vn.partyledger.command.commitment.CommitmentTest.submitted;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.commitment.CommitmentCorrected;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CorrectCommitment;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;

/** A corrected pledge is judged like the submitted one. */
class CommitmentCorrectionTest {

    private static final CommitmentSections FIXED = new CommitmentSections("học tập nghị quyết", "giữ gìn đạo đức",
            "hoàn thành nhiệm vụ", "chấp hành kỷ luật", "khắc phục hạn chế", "thực hiện nghị quyết đại hội");
    private final FixtureConfiguration<Commitment> fixture = new AggregateTestFixture<>(Commitment.class);

    @Test
    void thePledgesSectionsAreCorrectedNamingTheEventItCorrects() {
        fixture.given(submitted())
                .when(new CorrectCommitment(ID, "event-1", FIXED, ON.plusDays(3)))
                .expectEvents(new CommitmentCorrected(ID, CELL, MEMBER, 2020, FIXED, "event-1"));
    }

    @Test
    void aCorrectedPledgeStillHasAllSixSections() {
        fixture.given(submitted())
                .when(new CorrectCommitment(ID, "event-1", new CommitmentSections("a", "b", "c", "d", " ", "f"),
                        ON.plusDays(3)))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.refusal(Refusal.Kind.INVALID_INPUT, null, "sections.remedyingShortcomings"))
                .expectNoEvents();
    }
}
