package org.kpiledger.command.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.kpiledger.platform.integrity.FlatValues;
import org.kpiledger.platform.integrity.HashChainingStorageEngine;
import org.kpiledger.platform.integrity.LedgerEntry;
import org.kpiledger.platform.integrity.LedgerEventTypes;
import org.kpiledger.platform.integrity.MerkleTree;
import org.kpiledger.platform.integrity.SignedCheckpoint;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain as stored: verification (every entry recomputed from the stored event and compared with its stored
 * hash, and the latest signed checkpoint's root recomputed), checkpoints, inclusion proofs, and the chaining of
 * events stored without the chain (written before it existed, or bulk-loaded).
 */
@Component
public class IntegrityChain {

    private static final int MISMATCHES_KEPT = 100;
    private static final HexFormat HEX = HexFormat.of();
    private static final String ENTRIES = """
            select coalesce(e.global_index, c.global_index) as position, e.global_index as event_position,
                   e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp,
                   e.payload_type, e.payload_revision, e.payload, e.meta_data, c.hash
            from domain_event_entry e full join event_chain c on c.global_index = e.global_index
            where coalesce(e.global_index, c.global_index) > ?
            order by coalesce(e.global_index, c.global_index)""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writing;
    private final CheckpointKey key;

    IntegrityChain(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
            PlatformTransactionManager transactions, CheckpointKey key) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1_000);
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
        this.key = key;
    }

    /** A place where the stored history does not verify; {@code position} is null for the log as a whole. */
    public record Mismatch(Long position, String reason) {
    }

    /** A checkpoint as stored: the size and root it signed, its signed note, when it was made. */
    public record Checkpoint(long size, byte[] rootHash, String note, Instant createdAt) {
    }

    /**
     * @param events      the stored events
     * @param entryHashes the hashes of the entries in position order, recomputed where verification recomputed them
     * @param head        the stored hash of the last entry ({@link LedgerEntry#GENESIS} for an empty ledger)
     */
    public record Verification(long events, List<byte[]> entryHashes, String head, List<Mismatch> mismatches,
                               Checkpoint checkpoint) {

        public boolean verified() {
            return mismatches.isEmpty();
        }

        public Optional<Mismatch> firstMismatch() {
            return mismatches.stream().findFirst();
        }
    }

    /** Recomputes every entry from its stored event, and the latest checkpoint's root. */
    public Verification verifyAll() {
        return snapshot.execute(status -> verify(true));
    }

    /**
     * Takes the entries the latest checkpoint signed as stored (their root must still be the signed one), and
     * recomputes the entries after them: what a start checks.
     */
    public Verification verifySinceLatestCheckpoint() {
        return snapshot.execute(status -> verify(false));
    }

    private Verification verify(boolean everything) {
        Checkpoint latest = latestCheckpoint().orElse(null);
        List<Mismatch> mismatches = new ArrayList<>();
        List<byte[]> entryHashes = new ArrayList<>();
        long[] from = {0};
        String[] previous = {LedgerEntry.GENESIS};
        if (!everything && latest != null) {
            jdbc.query("select global_index, hash from event_chain order by global_index limit ?", row -> {
                entryHashes.add(row.getBytes(2));
                from[0] = row.getLong(1);
            }, latest.size());
            if (!entryHashes.isEmpty()) {
                previous[0] = HEX.formatHex(entryHashes.get(entryHashes.size() - 1));
            }
        }
        long[] events = {entryHashes.size()};
        RowCallbackHandler entries = row -> {
            long position = row.getLong("position");
            byte[] stored = row.getBytes("hash");
            if (row.getObject("event_position") == null) {
                mismatch(mismatches, position, "deleted: the chain holds a hash for position " + position
                        + ", but its event is gone");
                entryHashes.add(stored);
            } else if (stored == null) {
                events[0]++;
                mismatch(mismatches, position, "inserted: the event at position " + position
                        + " was never chained; it was stored behind the ledger's back");
                return;
            } else {
                events[0]++;
                String computed;
                try {
                    computed = entry(row, previous[0]).hash();
                } catch (RuntimeException unreadable) {
                    computed = null;
                    mismatch(mismatches, position, "unreadable: the event at position " + position
                            + " cannot be read as an event any more (" + unreadable.getMessage() + ")");
                }
                if (computed != null && !computed.equals(HEX.formatHex(stored))) {
                    mismatch(mismatches, position, "altered: the event at position " + position + " does not hash "
                            + "to its stored hash; it (payload, metadata, timestamp, stream, type) or its place "
                            + "after the entry before it was changed");
                }
                entryHashes.add(computed == null ? stored : HEX.parseHex(computed));
            }
            previous[0] = HEX.formatHex(stored);
        };
        jdbc.query(ENTRIES, entries, from[0]);
        if (latest != null) {
            if (entryHashes.size() < latest.size()) {
                mismatches.add(new Mismatch(null, "truncated: the checkpoint of " + latest.createdAt()
                        + " signed " + latest.size() + " entries; fewer are stored"));
            } else if (!Arrays.equals(MerkleTree.rootOfEntries(entryHashes, (int) latest.size()), latest.rootHash())) {
                mismatches.add(new Mismatch(null, "rewritten: the first " + latest.size() + " entries no longer "
                        + "hash to the root the checkpoint of " + latest.createdAt() + " signed"));
            }
        }
        return new Verification(events[0], entryHashes, previous[0], mismatches, latest);
    }

    private static void mismatch(List<Mismatch> mismatches, long position, String reason) {
        if (mismatches.size() < MISMATCHES_KEPT) {
            mismatches.add(new Mismatch(position, reason));
        }
    }

    /** The event a row of the event table holds, from its {@code payload}, {@code payload_type}, {@code payload_revision}. */
    public static <T> T payload(Serializer serializer, ResultSet row) throws SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                row.getString("payload_type"), row.getString("payload_revision")));
    }

    /** The entry of a stored event, as the chain hashes it. */
    @SuppressWarnings("unchecked")
    private LedgerEntry entry(ResultSet row, String previousHash) throws SQLException {
        String revision = row.getString("payload_revision");
        Object payload = payload(serializer, row);
        byte[] metaData = row.getBytes("meta_data");
        Map<String, ?> metadata = metaData == null ? Map.of()
                : serializer.deserialize(new SerializedMetaData<>(metaData, byte[].class));
        return new LedgerEntry(row.getLong("position"), row.getString("event_identifier"), row.getString("type"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                LedgerEventTypes.nameOf(payload.getClass()), revision, row.getString("time_stamp"),
                FlatValues.flatten(payload), (Map<String, Object>) FlatValues.flatten(metadata), previousHash);
    }

    /**
     * Every stored event as an entry of the export, in position order, each with its stored hash ({@code null} for
     * an event that was never chained), in one consistent snapshot; then the latest checkpoint, if any.
     */
    public void export(Consumer<Map<String, Object>> entries, Consumer<Checkpoint> checkpoint) {
        snapshot.executeWithoutResult(status -> {
            String[] previous = {LedgerEntry.GENESIS};
            jdbc.query(ENTRIES, row -> {
                byte[] stored = row.getBytes("hash");
                if (row.getObject("event_position") != null) {
                    Map<String, Object> line = entry(row, previous[0]).fields();
                    line.put("hash", stored == null ? null : HEX.formatHex(stored));
                    entries.accept(line);
                }
                if (stored != null) {
                    previous[0] = HEX.formatHex(stored);
                }
            }, 0L);
            latestCheckpoint().ifPresent(checkpoint);
        });
    }

    /** Chains, in position order, the events stored after the chain's head without an entry. */
    public long chainUnchained() {
        return writing.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", HashChainingStorageEngine.CHAIN_LOCK);
            List<Map<String, Object>> head = jdbc.queryForList(
                    "select global_index, encode(hash, 'hex') as hash from event_chain order by global_index desc limit 1");
            long after = head.isEmpty() ? 0 : ((Number) head.get(0).get("global_index")).longValue();
            String[] previous = {head.isEmpty() ? LedgerEntry.GENESIS : (String) head.get(0).get("hash")};
            List<Object[]> batch = new ArrayList<>();
            long[] chained = {0};
            jdbc.query(ENTRIES, row -> {
                previous[0] = entry(row, previous[0]).hash();
                batch.add(new Object[] {row.getLong("position"), HEX.parseHex(previous[0])});
                if (batch.size() == 1_000) {
                    chained[0] += insert(batch);
                }
            }, after);
            chained[0] += insert(batch);
            return chained[0];
        });
    }

    private long insert(List<Object[]> batch) {
        jdbc.batchUpdate("insert into event_chain (global_index, hash) values (?, ?)", batch);
        long inserted = batch.size();
        batch.clear();
        return inserted;
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.query("select size, root_hash, note, created_at from integrity_checkpoint order by size desc "
                + "limit 1", (row, n) -> new Checkpoint(row.getLong(1), row.getBytes(2), row.getString(3),
                row.getObject(4, OffsetDateTime.class).toInstant())).stream().findFirst();
    }

    /**
     * Verifies what came since the latest checkpoint and, when that holds (or an operator acknowledged each break it
     * finds) and the log grew, signs a checkpoint of the whole log as stored. Otherwise no checkpoint: the
     * verification says why.
     */
    public Verification checkpoint(Predicate<Mismatch> acknowledged) {
        Verification verification = verifySinceLatestCheckpoint();
        long size = verification.entryHashes().size();
        if (!verification.mismatches().stream().allMatch(acknowledged) || size == 0
                || (verification.checkpoint() != null && verification.checkpoint().size() == size)) {
            return verification;
        }
        byte[] root = MerkleTree.rootOfEntries(verification.entryHashes(), (int) size);
        SignedCheckpoint signed = key.sign(size, root);
        jdbc.update("insert into integrity_checkpoint (size, root_hash, note) values (?, ?, ?) "
                + "on conflict (size) do nothing", size, root, signed.note());
        return new Verification(verification.events(), verification.entryHashes(), verification.head(),
                verification.mismatches(), latestCheckpoint().orElseThrow());
    }

    /** The proof that the entry at a position is among those the latest checkpoint signed; empty if it is not. */
    public Optional<InclusionProof> proof(long position) {
        return snapshot.execute(status -> {
            Optional<Checkpoint> latest = latestCheckpoint();
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            List<Long> positions = new ArrayList<>();
            List<byte[]> entryHashes = new ArrayList<>();
            jdbc.query("select global_index, hash from event_chain order by global_index limit ?", row -> {
                positions.add(row.getLong(1));
                entryHashes.add(row.getBytes(2));
            }, latest.get().size());
            int index = positions.indexOf(position);
            if (index < 0 || entryHashes.size() < latest.get().size()) {
                return Optional.empty();
            }
            List<byte[]> leaves = entryHashes.stream().map(MerkleTree::leaf).toList();
            return Optional.of(new InclusionProof(position, index, entryHashes.get(index),
                    MerkleTree.inclusionProof(leaves, index, leaves.size()), latest.get()));
        });
    }

    public record InclusionProof(long position, int leafIndex, byte[] entryHash, List<byte[]> path,
                                 Checkpoint checkpoint) {
    }
}
