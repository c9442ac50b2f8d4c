package org.kpiledger.integrity.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Axon's event storage with the hash chains: each tenant's events form a chain of their own. Appends go to the
 * ledger's one {@link GroupCommitAppender}, which stores them with whatever else is waiting in one transaction under
 * the lock of each tenant's chain it appends to (a PostgreSQL advisory lock held to the end of the appending
 * transaction, in whatever process) and stores the hash of each event as stored ({@link StoredEntry}) after the hash
 * of its tenant's event before it. So a tenant's events are chained in position order as they commit, never forked,
 * never skipped, and no stored event is ever unchained: a transaction that rolls back takes its hashes with it. An
 * event's tenant is the one its stored stream id names ({@code <tenantId>:<id>}; the default tenant's ids name none),
 * which its hash commits to. Reads are the delegate's.
 */
public class HashChainingStorageEngine implements EventStorageEngine {

    /** The class of the chains' advisory locks, "kpic" in ASCII; the second key is the tenant's code. */
    public static final int CHAIN_LOCK = 0x6b706963;
    private static final Pattern TENANT_STREAM = Pattern.compile("^[0-9]{6}:");

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
     * The tenant whose chain an event stored under this stream id belongs to: as {@code domain_event_entry.tenant_id}
     * reckons it (migration V23).
     */
    public static String tenantOfStream(String storedId, String defaultTenant) {
        return storedId != null && TENANT_STREAM.matcher(storedId).find() ? storedId.substring(0, 6) : defaultTenant;
    }

    /**
     * The SQL that takes the lock of a tenant's chain until the end of the transaction. A tenant's code is six
     * digits: it is the lock's second key as it is.
     */
    public static String lockOfChain(String tenant) {
        return "select pg_advisory_xact_lock(" + CHAIN_LOCK + ", " + Integer.parseInt(tenant) + ")";
    }

    /** Takes the locks of the tenants' chains, in one order in every process, so that no two appends deadlock. */
    public static void lockChains(Connection connection, Collection<String> tenants) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            for (String tenant : new TreeSet<>(tenants)) {
                lock.execute(lockOfChain(tenant));
            }
        }
    }

    /**
     * Takes the locks of those of the tenants' chains nobody else holds, without waiting; answers the tenants whose
     * chains it locked.
     */
    public static Set<String> tryLockChains(Connection connection, Collection<String> tenants) throws SQLException {
        Set<String> locked = new TreeSet<>();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            for (String tenant : new TreeSet<>(tenants)) {
                lock.setInt(1, CHAIN_LOCK);
                lock.setInt(2, Integer.parseInt(tenant));
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        locked.add(tenant);
                    }
                }
            }
        }
        return locked;
    }

    /**
     * Hashes events stored by other means than the appender (loaded in bulk), as stored, each after its tenant's
     * head, and stores their hashes; takes the locks of their tenants' chains, which a transaction that allocates
     * their positions must have taken before (so that they commit in position order).
     */
    public static void chain(Connection connection, String[] identifiers) throws SQLException {
        Map<String, List<StoredEntry>> stored = new TreeMap<>();
        try (PreparedStatement read = connection.prepareStatement("select " + StoredEntry.COLUMNS
                + ", tenant_id from domain_event_entry where event_identifier = any(?) order by global_index")) {
            read.setArray(1, connection.createArrayOf("varchar", identifiers));
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    stored.computeIfAbsent(row.getString("tenant_id"), tenant -> new ArrayList<>())
                            .add(StoredEntry.of(row, null));
                }
            }
        }
        lockChains(connection, stored.keySet());
        for (Map.Entry<String, List<StoredEntry>> chain : stored.entrySet()) {
            GroupCommitAppender.chain(connection, chain.getKey(), chain.getValue());
        }
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
