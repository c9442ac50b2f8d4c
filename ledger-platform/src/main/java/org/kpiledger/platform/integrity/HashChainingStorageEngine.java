package org.kpiledger.platform.integrity;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Axon's event storage with the hash chain: every append takes the chain's lock (a PostgreSQL advisory lock held to
 * the end of the appending transaction, in whatever process), stores the events, and stores the hash of each
 * ({@link LedgerEntry}) after the hash of the event before it, in the same transaction. So events are chained in
 * position order as they commit, never forked, never skipped, and no stored event is ever unchained: a transaction
 * that rolls back takes its hashes with it.
 */
public class HashChainingStorageEngine implements EventStorageEngine {

    /** The advisory lock key of the chain: "kpi-ledg" in ASCII. */
    public static final long CHAIN_LOCK = 0x6b70692d6c656467L;

    private final EventStorageEngine delegate;
    private final EntityManagerProvider entityManagers;

    public HashChainingStorageEngine(EventStorageEngine delegate, EntityManagerProvider entityManagers) {
        this.delegate = delegate;
        this.entityManagers = entityManagers;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        EntityManager entityManager = entityManagers.getEntityManager();
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        delegate.appendEvents(events);
        Map<String, Long> positions = new HashMap<>();
        List<String> identifiers = events.stream().map(EventMessage::getIdentifier).toList();
        for (Object row : entityManager.createNativeQuery("select event_identifier, global_index "
                + "from domain_event_entry where event_identifier in (:ids)").setParameter("ids", identifiers)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            positions.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        List<EventMessage<?>> inOrder = new ArrayList<>(events);
        inOrder.sort(Comparator.comparingLong(event -> positions.get(event.getIdentifier())));
        List<?> head = entityManager.createNativeQuery(
                "select encode(hash, 'hex') from event_chain order by global_index desc limit 1").getResultList();
        String previous = head.isEmpty() ? LedgerEntry.GENESIS : (String) head.get(0);
        for (EventMessage<?> event : inOrder) {
            long position = positions.get(event.getIdentifier());
            previous = LedgerEntry.of(asDomainEvent(event), position, previous).hash();
            entityManager.createNativeQuery("insert into event_chain (global_index, hash) values (?1, decode(?2, 'hex'))")
                    .setParameter(1, position).setParameter(2, previous).executeUpdate();
        }
    }

    /** An event from outside an aggregate, as Axon's JPA storage keeps it: its own stream, sequence 0, no type. */
    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        if (event instanceof DomainEventMessage<T> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
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
}
