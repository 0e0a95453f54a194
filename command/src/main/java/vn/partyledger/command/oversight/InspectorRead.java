package vn.partyledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.oversight.InspectorReadRecorded;
import vn.partyledger.api.oversight.RecordInspectorRead;

/**
 * One logged read by an inspection role. A stream of its own per read keeps logging a read from contending with the
 * organisation's own commands; the event still lands in the organisation's scope, in its order.
 */
@Aggregate
class InspectorRead {

    @AggregateIdentifier
    private String readId;

    InspectorRead() {
    }

    @CommandHandler
    InspectorRead(RecordInspectorRead c) {
        apply(new InspectorReadRecorded(c.readId(), c.organizationId(), c.record(), c.subjectId(), c.asOf(),
                c.knownAt()));
    }

    @EventSourcingHandler
    void on(InspectorReadRecorded e) {
        readId = e.readId();
    }
}
