package vn.partyledger.ops.processors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * A read model's event handler that remembers whether it takes a type of event. A pooled processor asks every handler
 * twice for every event it reads — its coordinator by payload type, then the event's work package by the message —
 * and Axon answers each time by streaming over all of the handler's annotated methods through their wrappers: a fifth
 * of the coordinators' samples while rebuilding all read models together (a profile on the province benchmark's
 * ledger of 1.2 M events). The events of a store have a few dozen types, so the answers are remembered.
 *
 * <p>The message's answer is remembered per message class and payload type: a handler method takes a message when its
 * payload type fits and each of its parameters can be resolved, and the ledger's handler parameters (the payload, the
 * tracking token, {@code @MetaDataValue} without {@code required}, Spring beans) depend on nothing else. A handler
 * that needs a metadata value to be present would have to be asked every time.
 */
final class RememberingHandler implements EventMessageHandler {

    private final EventMessageHandler handler;
    private final Map<Class<?>, Boolean> takesType = new ConcurrentHashMap<>();
    private final Map<List<Class<?>>, Boolean> takesMessage = new ConcurrentHashMap<>();

    RememberingHandler(EventMessageHandler handler) {
        this.handler = handler;
    }

    static List<EventMessageHandler> remembering(List<EventMessageHandler> handlers) {
        return handlers.stream().<EventMessageHandler>map(RememberingHandler::new).toList();
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        return handler.handle(event);
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return takesMessage.computeIfAbsent(List.of(event.getClass(), event.getPayloadType()),
                key -> handler.canHandle(event));
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return takesType.computeIfAbsent(payloadType, handler::canHandleType);
    }

    @Override
    public Class<?> getTargetType() {
        return handler.getTargetType();
    }

    @Override
    public void prepareReset() {
        handler.prepareReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        handler.prepareReset(resetContext);
    }

    @Override
    public boolean supportsReset() {
        return handler.supportsReset();
    }
}
