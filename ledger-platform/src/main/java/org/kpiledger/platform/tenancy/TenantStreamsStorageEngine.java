package org.kpiledger.platform.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Stores each event in its tenant's stream ({@link TenantStreams}): an event is appended under the stored id of the
 * tenant its metadata names, a stream is read back for the tenant the thread works for, and every event read comes
 * out under the id the aggregates and projections know. Outermost of the storage engines, so that the hash chain
 * commits to the stored id: a wrapper applied after this one goes inside it ({@link #around}).
 */
public class TenantStreamsStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final TenantStreams streams;
    private final DefaultTenant defaultTenant;

    public TenantStreamsStorageEngine(EventStorageEngine delegate, TenantStreams streams,
            DefaultTenant defaultTenant) {
        this.delegate = delegate;
        this.streams = streams;
        this.defaultTenant = defaultTenant;
    }

    /** The same tenants' streams, on the storage this one stores in as wrapped by {@code inner}. */
    public TenantStreamsStorageEngine around(UnaryOperator<EventStorageEngine> inner) {
        return new TenantStreamsStorageEngine(inner.apply(delegate), streams, defaultTenant);
    }

    /** The storage this one stores in. */
    public EventStorageEngine storage() {
        return delegate;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events.stream().map(this::inItsTenantsStream).toList());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(under(snapshot, streams.stored(snapshot.getAggregateIdentifier())));
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock).map(TenantStreamsStorageEngine::withoutTenant);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stored = delegate.readEvents(streams.stored(aggregateIdentifier), firstSequenceNumber);
        return DomainEventStream.of(stored.asStream().map(event -> under(event, aggregateIdentifier)),
                stored::getLastSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(streams.stored(aggregateIdentifier))
                .map(snapshot -> under(snapshot, aggregateIdentifier));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(streams.stored(aggregateIdentifier));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    private EventMessage<?> inItsTenantsStream(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return event;
        }
        String tenant = EventsOfTheirTenant.tenantOf(event, defaultTenant);
        return defaultTenant.is(tenant) ? event
                : under(domain, streams.stored(tenant, domain.getAggregateIdentifier()));
    }

    private static TrackedEventMessage<?> withoutTenant(TrackedEventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain
                && TenantStreams.tenantOf(domain.getAggregateIdentifier()).isPresent()) {
            return new GenericTrackedDomainEventMessage<>(event.trackingToken(), under(domain,
                    TenantStreams.withoutTenant(domain.getAggregateIdentifier())));
        }
        return event;
    }

    private static <T> DomainEventMessage<T> under(DomainEventMessage<T> event, String streamId) {
        return streamId.equals(event.getAggregateIdentifier()) ? event
                : new GenericDomainEventMessage<>(event.getType(), streamId, event.getSequenceNumber(), event,
                        event::getTimestamp);
    }
}
