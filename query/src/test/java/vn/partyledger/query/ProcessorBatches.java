package vn.partyledger.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.partyledger.api.envelope.Envelope;

/**
 * Projections fed as a streaming processor feeds them, without Spring: a batch of events in one unit of work with one
 * transaction and its {@link BatchWrites} open, flushed when the unit of work commits — or, for {@link #one}, a single
 * event applied at once, as the query tests do. Events get global positions 1, 2, 3... in the order of the list.
 */
public final class ProcessorBatches {

    private static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private final SpringTransactionManager transactions;

    public ProcessorBatches(ReadModelDatabase db, Object... projections) {
        for (Object projection : projections) {
            this.projections.add(new AnnotationEventHandlerAdapter(projection));
        }
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(db.dataSource()));
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of {@code events}, as one batch. */
    public void batch(List<Object> events, int from, int to) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            messages.add(message(events.get(i), i + 1));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.attachTransaction(transactions);
        BatchWrites.open(batch);
        var result = batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("batch " + (from + 1) + ".." + to + " failed", result.exceptionResult());
        }
    }

    /** Event {@code index} of {@code events} applied at once, outside any batch. */
    public void one(List<Object> events, int index) {
        EventMessage<?> message = message(events.get(index), index + 1);
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every projection's reset handler, as a replay starts. */
    public void reset() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    private static EventMessage<?> message(Object event, long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(event)
                        .withMetaData(Map.of(Envelope.RECORDED_AT, RECORDED.plusSeconds(position).toString())));
    }
}
