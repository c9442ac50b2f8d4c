package org.kpiledger.integrity.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Axon's event storage with the hash chain: appends go to the ledger's one {@link GroupCommitAppender}, which stores
 * them with whatever else is waiting in one transaction under the chain's lock (a PostgreSQL advisory lock held to the
 * end of the appending transaction, in whatever process) and stores the hash of each event as stored
 * ({@link StoredEntry}) after the hash of the event before it. So events are chained in position order as they
 * commit, never forked, never skipped, and no stored event is ever unchained: a transaction that rolls back takes its
 * hashes with it. Reads are the delegate's.
 */
public class HashChainingStorageEngine implements EventStorageEngine {

    /** The advisory lock key of the chain: "kpi-ledg" in ASCII. */
    public static final long CHAIN_LOCK = 0x6b70692d6c656467L;

    private final EventStorageEngine delegate;
    private final GroupCommitAppender appender;

    public HashChainingStorageEngine(EventStorageEngine delegate, GroupCommitAppender appender) {
        this.delegate = delegate;
        this.appender = appender;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        appender.append(events);
    }

    /**
     * Hashes events stored by other means than the appender (loaded in bulk), as stored, after the chain's head, and
     * stores their hashes; on a connection whose transaction holds the chain's lock.
     */
    public static void chain(Connection connection, String[] identifiers) throws SQLException {
        List<StoredEntry> stored = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("select " + StoredEntry.COLUMNS
                + " from domain_event_entry where event_identifier = any(?) order by global_index")) {
            read.setArray(1, connection.createArrayOf("varchar", identifiers));
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    stored.add(StoredEntry.of(row, null));
                }
            }
        }
        GroupCommitAppender.chain(connection, stored);
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
