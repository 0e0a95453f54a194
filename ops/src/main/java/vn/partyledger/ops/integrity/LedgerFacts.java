package vn.partyledger.ops.integrity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.ops.security.CurrentActor;

/**
 * Records the ledger's own facts (seals, new keys) as events of the {@code ledger} scope, with the same envelope as
 * every other event. Published inside the caller's transaction, so the fact and the row it describes commit together.
 */
@Component
class LedgerFacts {

    private final EventGateway events;
    private final CurrentActor actor;
    private final Clock clock;
    private final ZoneId businessZone;

    LedgerFacts(EventGateway events, CurrentActor actor, Clock clock,
                @Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String businessZone) {
        this.events = events;
        this.actor = actor;
        this.clock = clock;
        this.businessZone = ZoneId.of(businessZone);
    }

    void record(Object fact) {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put(Envelope.ACTOR, actor.asMetaData());
        envelope.put(Envelope.RECORDED_AT, clock.instant().toString());
        envelope.put(Envelope.OCCURRED_ON, LocalDate.now(clock.withZone(businessZone)).toString());
        events.publish(GenericEventMessage.asEventMessage(fact).andMetaData(envelope));
    }
}
