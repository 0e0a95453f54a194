package vn.partyledger.ops.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class RememberingHandlerTest {

    static class Projection {
        final List<Object> applied = new ArrayList<>();

        @EventHandler
        void on(String fact) {
            applied.add(fact);
        }

        @EventHandler
        void on(Integer fact, TrackingToken token) {
            applied.add(fact + "@" + token.position().orElseThrow());
        }
    }

    /** Counts the questions that reach Axon's adapter. */
    static final class Asked implements EventMessageHandler {
        final EventMessageHandler adapter;
        int types;
        int messages;

        Asked(Object projection) {
            adapter = new AnnotationEventHandlerAdapter(projection);
        }

        @Override
        public Object handle(EventMessage<?> event) throws Exception {
            return adapter.handle(event);
        }

        @Override
        public boolean canHandle(EventMessage<?> event) {
            messages++;
            return adapter.canHandle(event);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            types++;
            return adapter.canHandleType(payloadType);
        }

        @Override
        public Class<?> getTargetType() {
            return adapter.getTargetType();
        }
    }

    private final Projection projection = new Projection();
    private final Asked asked = new Asked(projection);
    private final RememberingHandler handler = new RememberingHandler(asked);

    @Test
    void answersAsTheHandlerDoesAndAsksItOncePerPayloadType() {
        for (int i = 0; i < 3; i++) {
            assertThat(handler.canHandleType(String.class)).isTrue();
            assertThat(handler.canHandleType(Long.class)).isFalse();
        }
        assertThat(asked.types).isEqualTo(2);
    }

    @Test
    void remembersPerMessageClassBecauseAParameterCanNeedATrackedMessage() {
        EventMessage<Integer> untracked = GenericEventMessage.asEventMessage(7);
        EventMessage<Integer> tracked = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(41),
                GenericEventMessage.asEventMessage(8));

        for (int i = 0; i < 3; i++) {
            assertThat(handler.canHandle(untracked)).isFalse();
            assertThat(handler.canHandle(tracked)).isTrue();
            assertThat(handler.canHandle(GenericEventMessage.asEventMessage("fact"))).isTrue();
            assertThat(handler.canHandle(GenericEventMessage.asEventMessage(9L))).isFalse();
        }
        assertThat(asked.messages).isEqualTo(4);
    }

    @Test
    void handlesEveryEventThroughTheHandler() throws Exception {
        handler.handle(GenericEventMessage.asEventMessage("fact"));
        handler.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(41),
                GenericEventMessage.asEventMessage(8)));

        assertThat(projection.applied).containsExactly("fact", "8@41");
        assertThat(handler.getTargetType()).isEqualTo(Projection.class);
    }
}
