package vn.partyledger.ops.processors;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class RememberingInvokerTest {

    private final RememberingHandlerTest.Projection projection = new RememberingHandlerTest.Projection();
    private final RememberingHandlerTest.Asked asked = new RememberingHandlerTest.Asked(projection);
    private final RememberingInvoker invoker = new RememberingInvoker(SimpleEventHandlerInvoker.builder()
            .eventHandlers(asked)
            .sequencingPolicy(EventMessage::getPayload)
            .build());

    @Test
    void aTypeNoHandlerTakesIsAskedAboutOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(invoker.canHandle(GenericEventMessage.asEventMessage(9L), Segment.ROOT_SEGMENT)).isFalse();
            assertThat(invoker.canHandleType(Long.class)).isFalse();
        }
        assertThat(asked.types).isEqualTo(1);
        assertThat(asked.messages).isZero();
    }

    @Test
    void aMessageOfATakenTypeIsAskedAboutInFullEveryTime() {
        EventMessage<Integer> untracked = GenericEventMessage.asEventMessage(7);
        EventMessage<String> fact = GenericEventMessage.asEventMessage("fact");
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment mine = halves[0].matches("fact") ? halves[0] : halves[1];
        Segment other = mine == halves[0] ? halves[1] : halves[0];

        for (int i = 0; i < 2; i++) {
            // the parameter a tracking token resolves is missing from an untracked message of a taken type
            assertThat(invoker.canHandle(untracked, Segment.ROOT_SEGMENT)).isFalse();
            assertThat(invoker.canHandle(fact, mine)).isTrue();
            assertThat(invoker.canHandle(fact, other)).isFalse();
        }
        assertThat(asked.messages).isEqualTo(6);
        assertThat(asked.types).isEqualTo(2);
    }

    @Test
    void handlesThroughTheInvokerItRemembersFor() throws Exception {
        invoker.handle(GenericEventMessage.asEventMessage("fact"), Segment.ROOT_SEGMENT);
        invoker.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(41),
                GenericEventMessage.asEventMessage(8)), Segment.ROOT_SEGMENT);

        assertThat(projection.applied).containsExactly("fact", "8@41");
        assertThat(invoker.supportsReset()).isTrue();
    }
}
