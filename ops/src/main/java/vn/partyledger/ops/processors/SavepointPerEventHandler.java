package vn.partyledger.ops.processors;

import javax.annotation.Nonnull;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each projection handler invocation inside a savepoint of the batch's transaction.
 *
 * <p>Projections process events in batches, one transaction per batch. In PostgreSQL one failed statement aborts the
 * whole transaction, so without a savepoint a single bad event would poison every other event of its batch. With it,
 * the failing handler's writes are rolled back alone, the event goes to the dead-letter queue, and the rest of the batch
 * commits. Only read models are wrapped: aggregates' event-sourcing handlers have no processing group, and the command
 * side's lookup tables run inside the command's own transaction, where any failure must roll the whole command back.
 */
@Component
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate nested;

    SavepointPerEventHandler(PlatformTransactionManager transactionManager) {
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
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return original.handle(message, target);
                }
                try {
                    return nested.execute(status -> {
                        try {
                            return original.handle(message, target);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedFailure(e);
                        }
                    });
                } catch (CheckedFailure e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
