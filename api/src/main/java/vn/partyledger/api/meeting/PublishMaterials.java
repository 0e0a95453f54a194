package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record that the meeting materials were published (HD 42/2025: on the e-handbook ≥ 1 day before). */
public record PublishMaterials(@TargetAggregateIdentifier String meetingId, String channel, LocalDate occurredOn)
        implements Fact {
}
