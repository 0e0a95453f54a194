package vn.partyledger.ops.processors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;

/**
 * Applies a processor's batch of events to a read model in one go, and isolates a failing event only when one fails
 * (docs/decisions/0014).
 *
 * <p>Normally the read model's statements are queued ({@link BatchWrites}) and run as JDBC batches when the batch
 * commits, in its one transaction, with one position write. In PostgreSQL one failed statement aborts the whole
 * transaction, and the failure of a queued statement cannot be traced to its event; so when anything of a batch fails,
 * the whole batch is rolled back (nothing of it, token included, is stored) and the processor retries it. The retry —
 * every event of that segment up to the last one the failed batch held — applies events one at a time, each inside a
 * savepoint with its statements run at once: a failing event's writes are rolled back alone, the event goes to the
 * dead-letter queue, the others commit. After that the segment is back in batch mode. Dead-letter retries run the same
 * way, one event per savepoint.
 *
 * <p>Only read models are wrapped: aggregates' event-sourcing handlers have no processing group, and the command side's
 * lookup tables run inside the command's own transaction, where any failure must roll the whole command back.
 */
@Component
class ReadModelBatches implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBatches.class);

    private final TransactionTemplate nested;
    /** Per processor and segment: events up to this position are applied one at a time. */
    private final Map<String, Long> isolateThrough = new ConcurrentHashMap<>();

    ReadModelBatches(PlatformTransactionManager transactionManager) {
        if (transactionManager instanceof DataSourceTransactionManager ds) {
            ds.setNestedTransactionAllowed(true);
        }
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().isAnnotationPresent(ProcessingGroup.class)
                || original.declaringClass().getPackageName().startsWith("vn.partyledger.command")) {
            return original;
        }
        String group = original.declaringClass().getAnnotation(ProcessingGroup.class).value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive() || !CurrentUnitOfWork.isStarted()) {
                    return original.handle(message, target);
                }
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                BatchWrites writes = BatchWrites.open(root);
                long position = message instanceof TrackedEventMessage<?> tracked
                        ? ProjectionPositions.of(tracked.trackingToken()) : -1;
                String key = key(group, root);
                if (root instanceof BatchingUnitOfWork<?> && position >= 0) {
                    watch(root, key, position);
                    if (position > isolateThrough.getOrDefault(key, -1L)) {
                        return inBatch(message, target, writes);
                    }
                }
                return isolated(message, target, writes);
            }

            private Object inBatch(Message<?> message, T target, BatchWrites writes) throws Exception {
                try {
                    return original.handle(message, target);
                } catch (Exception e) {
                    throw failBatch(writes, e, message);
                }
            }

            private Object isolated(Message<?> message, T target, BatchWrites writes) throws Exception {
                try {
                    // Statements of earlier events: their failure is the batch's, not this event's.
                    writes.flush();
                } catch (RuntimeException e) {
                    throw failBatch(writes, e, message);
                }
                try {
                    return nested.execute(status -> {
                        try {
                            Object result = original.handle(message, target);
                            writes.flush();
                            return result;
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedFailure(e);
                        }
                    });
                } catch (CheckedFailure e) {
                    writes.discard();
                    throw (Exception) e.getCause();
                } catch (RuntimeException e) {
                    writes.discard();
                    throw e;
                }
            }

            private BatchFailure failBatch(BatchWrites writes, Exception e, Message<?> message) {
                if (e instanceof BatchWrites.BatchFailedException failed) {
                    return new BatchFailure(failed);
                }
                log.warn("{}: event {} ({}) failed inside a batch; the batch is rolled back and its events are "
                                + "applied again one at a time", group, message.getIdentifier(),
                        message.getPayloadType().getSimpleName(), e);
                RuntimeException cause = e instanceof RuntimeException r ? r : new CheckedFailure(e);
                writes.fail(cause);
                return new BatchFailure(cause);
            }
        };
    }

    /**
     * Remembers the highest position a batch applies. If the batch rolls back, for whatever reason, the events up to it
     * are isolated when they come again; once a committed batch has reached that position, the segment is back in
     * batch mode (and a replay that starts over from the beginning starts in batch mode).
     */
    private void watch(UnitOfWork<?> root, String key, long position) {
        long[] highest = root.getOrComputeResource(ReadModelBatches.class.getName() + "/" + key, k -> {
            long[] h = {-1};
            root.onRollback(u -> {
                log.warn("{}: a batch up to position {} was rolled back; its events are applied again one at a time",
                        key, h[0]);
                isolateThrough.merge(key, h[0], Math::max);
            });
            root.afterCommit(u -> isolateThrough.computeIfPresent(key, (k2, through) -> h[0] >= through ? null : through));
            return h;
        });
        highest[0] = Math.max(highest[0], position);
    }

    /** The pooled processor names the segment a batch belongs to; without it, every segment of the group. */
    private static String key(String group, UnitOfWork<?> root) {
        Object segment = root.getResource("Processor[" + group + "]/SegmentId");
        return group + "/" + (segment == null ? "*" : segment);
    }

    /**
     * A failure inside a batch: the batch rolls back and is retried event by event, so this is not the event's own
     * failure and is never dead-lettered ({@link DeadLetterConfiguration}).
     */
    static final class BatchFailure extends RuntimeException {
        BatchFailure(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
