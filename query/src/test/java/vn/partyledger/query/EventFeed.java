package vn.partyledger.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationTreeProjection;

/**
 * The organisation tree and member roll plus the projections under test, fed through Axon's annotation adapters as a
 * processor would (events get global positions 1, 2, 3... in the order fed), with their query handlers on one bus.
 */
public final class EventFeed {

    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private final List<AnnotationEventHandlerAdapter> underTest = new ArrayList<>();
    private final QueryGateway queries;
    private final List<Object> fed = new ArrayList<>();
    private final NamedParameterJdbcTemplate jdbc;

    public EventFeed(ReadModelDatabase db, Object... projectionsUnderTest) {
        this.jdbc = db.jdbc();
        projections.add(new AnnotationEventHandlerAdapter(new OrganizationTreeProjection(db.jdbc())));
        projections.add(new AnnotationEventHandlerAdapter(new MemberRollProjection(db.jdbc())));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        for (Object projection : projectionsUnderTest) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            projections.add(adapter);
            underTest.add(adapter);
            new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        }
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    public EventFeed feed(Object... events) {
        return feed(List.of(events));
    }

    public EventFeed feed(List<?> events) {
        for (Object event : events) {
            fed.add(event);
            deliver(event, fed.size());
        }
        return this;
    }

    /** Resets the projections under test and feeds them every event again at its original position. */
    public void replay() {
        underTest.forEach(AnnotationEventHandlerAdapter::prepareReset);
        for (int i = 0; i < fed.size(); i++) {
            EventMessage<?> message = message(fed.get(i), i + 1);
            for (AnnotationEventHandlerAdapter projection : underTest) {
                handle(projection, message);
            }
        }
    }

    /** Delivers an already fed event again at its position, as a processor does after a crash before committing. */
    public void redeliver(int position) {
        deliver(fed.get(position - 1), position);
    }

    public <R> R query(Object query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void deliver(Object event, long position) {
        EventMessage<?> message = message(event, position);
        stored(message, position);
        projections.forEach(p -> handle(p, message));
    }

    /**
     * What the tree's "known at" cut reads from the store ({@code KnownTree}, through {@code ReadModelDatabase}'s
     * stand-in for the store's {@code ledger_event} view): an organisation's events at their positions, numbered per
     * organisation, recorded when their metadata says, or known at any instant without it.
     */
    private void stored(EventMessage<?> message, long position) {
        if (!(message.getPayload() instanceof OrganizationScoped scoped)
                || !message.getPayloadType().getPackageName().equals(OrganizationEstablished.class.getPackageName())) {
            return;
        }
        Object recordedAt = message.getMetaData().get(Envelope.RECORDED_AT);
        jdbc.update("""
                insert into store.ledger_event (global_index, aggregate_id, aggregate_seq, payload_type, recorded_at)
                select :position, :org, count(*), :type, coalesce(cast(:recordedAt as timestamptz), '-infinity')
                  from store.ledger_event where aggregate_id = :org
                on conflict (global_index) do nothing""",
                new MapSqlParameterSource("position", position).addValue("org", scoped.organizationId())
                        .addValue("type", message.getPayloadType().getName())
                        .addValue("recordedAt", recordedAt == null ? null : recordedAt.toString()));
    }

    private static EventMessage<?> message(Object event, long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(event));
    }

    private static void handle(AnnotationEventHandlerAdapter projection, EventMessage<?> message) {
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
