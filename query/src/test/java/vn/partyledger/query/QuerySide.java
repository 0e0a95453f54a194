package vn.partyledger.query;

import java.time.LocalDate;
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
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.organization.FindOrganization;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.FindRoll;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationQueries;
import vn.partyledger.query.organization.OrganizationTreeProjection;

/**
 * Both projections and their query handlers without Spring, driven through Axon's own annotation adapters so that the
 * handler annotations and the tracking-token parameter are exercised as a processor would. Events get global
 * positions 1, 2, 3... in the order fed.
 */
public final class QuerySide {

    private final List<AnnotationEventHandlerAdapter> projections;
    private final QueryGateway queries;
    private final List<Object> fed = new ArrayList<>();

    public QuerySide(ReadModelDatabase db) {
        var tree = new OrganizationTreeProjection(db.jdbc());
        var roll = new MemberRollProjection(db.jdbc());
        projections = List.of(new AnnotationEventHandlerAdapter(tree), new AnnotationEventHandlerAdapter(roll));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new OrganizationQueries(db.jdbc())).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(roll).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    public QuerySide feed(Object... events) {
        for (Object event : events) {
            fed.add(event);
            deliver(event, fed.size());
        }
        return this;
    }

    /** Delivers an already fed event again at its position, as a processor does after a crash before committing. */
    public void redeliver(int position) {
        deliver(fed.get(position - 1), position);
    }

    public long position() {
        return fed.size();
    }

    /** Resets both projections and feeds every event again at its original position. */
    public void replay() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        for (int i = 0; i < fed.size(); i++) {
            deliver(fed.get(i), i + 1);
        }
    }

    public OrganizationTree tree(String rootId, LocalDate asOf) {
        return query(new FindOrganizationTree(rootId, asOf), OrganizationTree.class);
    }

    public OrganizationView organization(String id, LocalDate asOf) {
        return query(new FindOrganization(id, asOf), OrganizationView.class);
    }

    public RollView roll(String id, LocalDate asOf) {
        return roll(id, asOf, 0, 100);
    }

    public RollView roll(String id, LocalDate asOf, int page, int size) {
        return query(new FindRoll(id, asOf, page, size), RollView.class);
    }

    public MemberView member(String id) {
        return query(new FindMember(id), MemberView.class);
    }

    /** Runs a query through the query bus; a handler's exception comes out as itself, as the web layer will see it. */
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
        EventMessage<?> message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(event));
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
}
