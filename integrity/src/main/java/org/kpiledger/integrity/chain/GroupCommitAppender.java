package org.kpiledger.integrity.chain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.kpiledger.platform.web.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's one appender (group commit): every command's events wait in one queue; one thread takes whatever has
 * queued, stores it in one transaction (one statement for the events, one for their chain entries), takes the
 * chain's lock of each tenant in the batch once and commits with one flush, then answers every command of the batch.
 * Each tenant's events are chained after that tenant's head ({@link HashChainingStorageEngine}). An append
 * (the events of one unit of work) is stored whole or not at all; one that collides with what is stored (the same
 * stream and sequence, written by another process or a concurrent command) is refused alone with Axon's
 * {@link ConcurrencyException}, and the rest of its batch is stored.
 *
 * <p>Positions are allocated inside the appending transaction under the locks of the chains it appends to, which every
 * appender of every process takes: a tenant's events commit in position order, so a verifier never sees a later
 * entry of a chain before an earlier one. Different tenants' appends take different locks and do not wait on each
 * other; their positions may commit out of order, which Axon's tracking tokens follow as gaps.
 */
public final class GroupCommitAppender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitAppender.class);
    private static final HexFormat HEX = HexFormat.of();
    /** How long appends deferred behind another process's append to their chain wait before they are tried again. */
    private static final long RETRY_MILLIS = 2;
    private static final String INSERT_EVENTS = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            select event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                payload_revision, payload, meta_data
            from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::bytea[], ?::bytea[]) with ordinality as appended (event_identifier,
                aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,
                meta_data, place)
            order by place
            returning global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                payload_type, payload_revision, tenant_id""";
    private static final String STORED_ALREADY = """
            select aggregate_identifier, sequence_number from domain_event_entry
            where (aggregate_identifier, sequence_number) in (select * from unnest(?::varchar[], ?::bigint[]))""";

    private final DataSource dataSource;
    private final Serializer serializer;
    private final String defaultTenant;
    private final int maxBatchEvents;
    private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong deferrals = new AtomicLong();
    private volatile boolean closed;

    /** @param dataSource the appender's own connections, closed with it */
    public GroupCommitAppender(DataSource dataSource, Serializer serializer, String defaultTenant,
            int maxBatchEvents) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.defaultTenant = defaultTenant;
        this.maxBatchEvents = maxBatchEvents;
        this.thread = new Thread(this::run, "kpi-ledger-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** An event as it will be stored, column for column. */
    private record Row(String tenant, String eventId, String streamType, String streamId, long sequence,
                       String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {
    }

    /** The events of one unit of work, serialized by the thread that waits for them to be stored. */
    private record Append(List<Row> rows, EventMessage<?> first, CompletableFuture<Void> stored) {
    }

    /**
     * How much grouping happened since start: batches committed, appends and events in them, and how often an append
     * was deferred because another process was appending to its tenant's chain.
     */
    public record Statistics(long batches, long appends, long events, long deferrals) {
    }

    public Statistics statistics() {
        return new Statistics(batches.get(), appends.get(), events.get(), deferrals.get());
    }

    /** Stores the events, chained, in a batch with whatever else is waiting; returns once they are committed. */
    public void append(List<? extends EventMessage<?>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Append append = new Append(messages.stream().map(this::row).toList(), messages.get(0),
                new CompletableFuture<>());
        if (closed) {
            throw new EventStoreException("The ledger is shutting down; the events were not stored");
        }
        queue.add(append);
        try {
            append.stored().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refusal ? refusal
                    : new EventStoreException("The events could not be stored", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while the events were being stored; they may be stored", e);
        }
    }

    private Row row(EventMessage<?> message) {
        DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        return new Row(HashChainingStorageEngine.tenantOfStream(event.getAggregateIdentifier(), defaultTenant),
                event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData());
    }

    /**
     * Stores batch after batch. The appends whose tenants' chains another process is appending to wait, first in
     * line, for the next batch, a few milliseconds later: meanwhile the other tenants' appends go on.
     */
    private void run() {
        List<Append> deferred = new ArrayList<>();
        while (!closed || !queue.isEmpty() || !deferred.isEmpty()) {
            List<Append> batch = new ArrayList<>(deferred);
            deferred.clear();
            try {
                Append first = batch.isEmpty() ? queue.take() : queue.poll(RETRY_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                if (batch.isEmpty()) {
                    continue; // closing: what is queued is still stored
                }
            }
            int size = batch.stream().mapToInt(append -> append.rows().size()).sum();
            for (Append next = queue.peek(); next != null && size + next.rows().size() <= maxBatchEvents;
                    next = queue.peek()) {
                batch.add(queue.poll());
                size += next.rows().size();
            }
            deferred.addAll(storeOrIsolate(batch));
        }
    }

    /**
     * Stores the batch; when it fails as a whole, each append alone, so that one bad append fails only itself. A
     * database out of reach fails the whole batch at once, and the appends queued while the batch waited for it:
     * storing each alone, or the queued ones as the next batch, would make their commands wait out the timeout again.
     */
    private List<Append> storeOrIsolate(List<Append> batch) {
        try {
            return store(batch);
        } catch (SQLException | RuntimeException failed) {
            if (DatabaseUnavailable.isCause(failed)) {
                List<Append> waiting = new ArrayList<>(batch);
                queue.drainTo(waiting);
                waiting.forEach(append -> append.stored().completeExceptionally(refusal(append, failed)));
                return List.of();
            }
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(refusal(batch.get(0), failed));
                return List.of();
            }
            LOG.debug("A batch of {} appends failed ({}); storing each alone", batch.size(), failed.getMessage());
            List<Append> deferred = new ArrayList<>();
            for (Append append : batch) {
                deferred.addAll(storeOrIsolate(List.of(append)));
            }
            return deferred;
        }
    }

    /**
     * Stores the appends of the batch whose tenants' chains it could lock, and answers the others, deferred. While
     * the appender is closing it waits for every lock instead, so that nothing is left waiting.
     */
    private List<Append> store(List<Append> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Set<String> tenants = new TreeSet<>();
                batch.forEach(append -> append.rows().forEach(row -> tenants.add(row.tenant())));
                if (closed) {
                    HashChainingStorageEngine.lockChains(connection, tenants);
                } else {
                    tenants.retainAll(HashChainingStorageEngine.tryLockChains(connection, tenants));
                }
                Map<Boolean, List<Append>> locked = batch.stream().collect(Collectors.partitioningBy(append ->
                        append.rows().stream().allMatch(row -> tenants.contains(row.tenant()))));
                List<Append> deferred = locked.get(false);
                deferrals.addAndGet(deferred.size());
                if (locked.get(true).isEmpty()) {
                    connection.rollback();
                    return deferred;
                }
                List<Append> accepted = refuseCollisions(connection, locked.get(true));
                List<Row> rows = accepted.stream().flatMap(append -> append.rows().stream()).toList();
                if (!rows.isEmpty()) {
                    Map<String, List<StoredEntry>> stored = insert(connection, rows);
                    if (!tenants.containsAll(stored.keySet())) {
                        throw new IllegalStateException("Events were stored for tenants " + stored.keySet()
                                + " while the chains of " + tenants + " were locked");
                    }
                    for (Map.Entry<String, List<StoredEntry>> chain : stored.entrySet()) {
                        chain(connection, chain.getKey(), chain.getValue());
                    }
                }
                connection.commit();
                batches.incrementAndGet();
                appends.addAndGet(accepted.size());
                events.addAndGet(rows.size());
                accepted.forEach(append -> append.stored().complete(null));
                return deferred;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        }
    }

    /**
     * Refuses, with a concurrency failure of their own, the appends whose stream and sequence are stored already or
     * claimed by an earlier append of the batch; answers the others. Under the chains' locks nothing else appends to
     * the streams of their tenants.
     */
    private List<Append> refuseCollisions(Connection connection, List<Append> batch) throws SQLException {
        Set<String> taken = new HashSet<>();
        List<Row> rows = batch.stream().flatMap(append -> append.rows().stream()).toList();
        try (PreparedStatement stored = connection.prepareStatement(STORED_ALREADY)) {
            stored.setArray(1, array(connection, "varchar", rows.stream().map(Row::streamId).toArray()));
            stored.setArray(2, array(connection, "bigint", rows.stream().map(Row::sequence).toArray()));
            try (ResultSet row = stored.executeQuery()) {
                while (row.next()) {
                    taken.add(row.getString(1) + '\u0000' + row.getLong(2));
                }
            }
        }
        List<Append> accepted = new ArrayList<>();
        for (Append append : batch) {
            List<String> keys = append.rows().stream().map(row -> row.streamId() + '\u0000' + row.sequence()).toList();
            if (keys.stream().anyMatch(taken::contains)) {
                append.stored().completeExceptionally(collision(append, null));
            } else {
                taken.addAll(keys);
                accepted.add(append);
            }
        }
        return accepted;
    }

    /**
     * Inserts the rows in their order in one statement; answers them as stored, by tenant, in position order: the
     * text columns as the database returns them (what an assignment to their column made of them), the payload and
     * metadata bytes as sent (a bytea column stores its bytes verbatim).
     */
    private static Map<String, List<StoredEntry>> insert(Connection connection, List<Row> rows) throws SQLException {
        Map<String, Row> sent = new HashMap<>();
        rows.forEach(row -> sent.put(row.eventId(), row));
        Map<String, List<StoredEntry>> stored = new TreeMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENTS)) {
            insert.setArray(1, array(connection, "varchar", rows.stream().map(Row::eventId).toArray()));
            insert.setArray(2, array(connection, "varchar", rows.stream().map(Row::streamId).toArray()));
            insert.setArray(3, array(connection, "bigint", rows.stream().map(Row::sequence).toArray()));
            insert.setArray(4, array(connection, "varchar", rows.stream().map(Row::streamType).toArray()));
            insert.setArray(5, array(connection, "varchar", rows.stream().map(Row::timestamp).toArray()));
            insert.setArray(6, array(connection, "varchar", rows.stream().map(Row::payloadType).toArray()));
            insert.setArray(7, array(connection, "varchar", rows.stream().map(Row::payloadRevision).toArray()));
            insert.setArray(8, connection.createArrayOf("bytea", rows.stream().map(Row::payload)
                    .toArray(byte[][]::new)));
            insert.setArray(9, connection.createArrayOf("bytea", rows.stream().map(Row::metadata)
                    .toArray(byte[][]::new)));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    Row bytes = sent.get(row.getString("event_identifier"));
                    if (bytes == null) {
                        throw new IllegalStateException("An event identifier was stored otherwise than sent: "
                                + row.getString("event_identifier"));
                    }
                    stored.computeIfAbsent(row.getString("tenant_id"), tenant -> new ArrayList<>())
                            .add(StoredEntry.of(row, bytes.payload(), bytes.metadata()));
                }
            }
        }
        stored.values().forEach(entries -> entries.sort(Comparator.comparingLong(StoredEntry::position)));
        return stored;
    }

    /**
     * Hashes a tenant's stored entries, in position order, after the head of the tenant's chain and stores their
     * hashes; on a connection whose transaction holds the lock of the tenant's chain.
     */
    static void chain(Connection connection, String tenant, List<StoredEntry> stored) throws SQLException {
        String previous = LedgerEntry.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(
                "select hash from event_chain where tenant_id = ? order by global_index desc limit 1")) {
            head.setString(1, tenant);
            try (ResultSet row = head.executeQuery()) {
                if (row.next()) {
                    previous = HEX.formatHex(row.getBytes(1));
                }
            }
        }
        Long[] positions = new Long[stored.size()];
        byte[][] hashes = new byte[stored.size()][];
        for (int i = 0; i < stored.size(); i++) {
            positions[i] = stored.get(i).position();
            previous = stored.get(i).withPreviousHash(previous).hash();
            hashes[i] = HEX.parseHex(previous);
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into event_chain (global_index, hash, "
                + "tenant_id) select position, hash, ? from unnest(?::bigint[], ?::bytea[]) as entry (position, hash)")) {
            insert.setString(1, tenant);
            insert.setArray(2, connection.createArrayOf("bigint", positions));
            insert.setArray(3, connection.createArrayOf("bytea", hashes));
            insert.executeUpdate();
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** What the waiting command is told: a collision as Axon's concurrency failure, anything else as a store failure. */
    private static RuntimeException refusal(Append append, Exception failed) {
        if (failed instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            return collision(append, sql);
        }
        return failed instanceof RuntimeException runtime ? runtime
                : new EventStoreException("An event with identifier [" + append.first().getIdentifier()
                        + "] could not be stored: " + failed.getMessage(), failed);
    }

    private static RuntimeException collision(Append append, Exception cause) {
        Row first = append.rows().get(0);
        if (first.sequence() == 0 && first.streamType() != null) {
            return new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + first.streamId()
                    + "] to create aggregate [" + first.streamType() + "] since identifiers need to be unique.", cause);
        }
        return new ConcurrencyException("An event for aggregate [" + first.streamId() + "] at sequence ["
                + first.sequence() + "] was already inserted", cause);
    }

    /** Stores what is queued, then stops, and closes its connections; appends after this are refused. */
    @Override
    public void close() throws Exception {
        closed = true;
        thread.interrupt();
        thread.join(10_000);
        for (Append late = queue.poll(); late != null; late = queue.poll()) {
            late.stored().completeExceptionally(new EventStoreException(
                    "The ledger is shutting down; the events were not stored"));
        }
        if (dataSource instanceof AutoCloseable own) {
            own.close();
        }
    }
}
