package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: issue a transfer referral (giấy giới thiệu). {@code toOrganizationId} null means a destination outside this ledger, named by {@code destinationName}. {@code until}: end of a temporary transfer; {@code purpose} STUDY allows up to 2 years. */
public record IssueTransfer(@TargetAggregateIdentifier String memberId, TransferKind kind, String toOrganizationId, String destinationName, String referralNo, LocalDate until, String purpose, LocalDate occurredOn) implements Fact {}
