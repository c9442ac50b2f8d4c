package org.kpiledger.integrity.ledger;

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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.kpiledger.integrity.chain.FlatValues;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.kpiledger.integrity.chain.LedgerEntry;
import org.kpiledger.integrity.chain.LedgerEventTypes;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.integrity.chain.StoredEntry;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain of the tenant the current thread works for, as stored (scheme 2, docs/integrity.md): verification of
 * every entry from its stored columns, of every checkpoint's signature (by the tenant's key) and root, of each
 * stream's sequence and of the newest checkpoint against the copy kept outside the database; checkpoints, inclusion
 * and consistency proofs, the export, and the chaining of events stored without the chain (written before it existed,
 * or imported). A tenant's entries are its events only, in position order; the positions between them are other
 * tenants'.
 */
@Component
public class IntegrityChain {

    private static final int MISMATCHES_KEPT = 100;
    /** How many entries are read before they are hashed together, on every core. */
    private static final int HASHED_TOGETHER = 4_096;
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Every stored event and every chain entry after a position, side by side. Each side is cut to the range before
     * the join: a condition on the joined rows could use neither table's index, and a verification of what came in
     * the last seconds would read both tables whole.
     */
    private static final String ENTRIES = "select coalesce(e.global_index, c.global_index) as position, "
            + "e.global_index as event_position, " + StoredEntry.COLUMNS.replaceAll("(^|, )", "$1e.") + ", c.hash "
            + "from (select * from domain_event_entry where tenant_id = ? and global_index > ?) e "
            + "full join (select global_index, hash from event_chain where tenant_id = ? and global_index > ?) c "
            + "on c.global_index = e.global_index order by coalesce(e.global_index, c.global_index)";
    /** An event of a stream whose predecessor in that stream is not stored: a hole in the stream's sequence. */
    private static final String SEQUENCE_GAPS = """
            select e.global_index, e.aggregate_identifier, e.sequence_number from domain_event_entry e
            where e.tenant_id = ? and e.global_index > ? and e.type is not null and e.sequence_number > 0 and not exists (
                select 1 from domain_event_entry p
                where p.aggregate_identifier = e.aggregate_identifier and p.sequence_number = e.sequence_number - 1)
            order by e.global_index""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writing;
    private final CheckpointKeys keys;
    private final DefaultTenant defaultTenant;
    /** By tenant, what its last verification found to hold, from which its next one that need not start over goes on. */
    private final Map<String, AtomicReference<Verified>> verified = new ConcurrentHashMap<>();

    IntegrityChain(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
            PlatformTransactionManager transactions, CheckpointKeys keys, DefaultTenant defaultTenant) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1_000);
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
        this.keys = keys;
        this.defaultTenant = defaultTenant;
    }

    /** The tenant whose chain the current thread reads. */
    private String tenant() {
        return defaultTenant.current();
    }

    private AtomicReference<Verified> verifiedOf(String tenant) {
        return verified.computeIfAbsent(tenant, any -> new AtomicReference<>(Verified.NOTHING));
    }

    /** What can be wrong with the stored history; a break is named by its kind and position. */
    public enum BreakKind {
        /** An event does not hash to its stored hash: it, or its place after the entry before it, changed. */
        ALTERED,
        /** The chain holds a hash whose event is gone. */
        DELETED,
        /** An event that was never chained: stored behind the ledger's back. */
        INSERTED,
        /** A stream's sequence has a hole: an event of the stream is gone. */
        SEQUENCE_GAP,
        /** The log holds fewer entries than a checkpoint signed. */
        TRUNCATED,
        /** The entries no longer hash to the root a checkpoint signed. */
        REWRITTEN,
        /** A checkpoint is not signed by the ledger's key, or its row is not what its note signs. */
        CHECKPOINT_FORGED,
        /** A checkpoint the ledger signed, kept outside the database, is gone from it. */
        CHECKPOINT_MISSING,
        /** A checkpoint from outside the database (the ledger's copy, an auditor's) is not a prefix of the log. */
        CHECKPOINT_INCONSISTENT,
        /** A break of the chain of scheme 1, found when the ledger moved to scheme 2. */
        SCHEME_ONE
    }

    /**
     * A place where the stored history does not verify, named by its kind and position: an event's position, or for
     * a break of the log as a whole (a checkpoint's), the size of the checkpoint concerned. Its {@code evidence} (such
     * as the hash an altered event has now) tells it from another break of the same kind at the same place: an
     * acknowledgement covers the break it saw, not the next alteration of the same event.
     */
    public record Mismatch(Long position, BreakKind kind, String reason, String evidence) {

        /** A break whose wording is its evidence: it names all that tells this break from another at its place. */
        public Mismatch(Long position, BreakKind kind, String reason) {
            this(position, kind, reason, reason);
        }
    }

    /** A checkpoint as stored: the size and root it signed, its signed note, when it was made. */
    public record Checkpoint(long size, byte[] rootHash, String note, Instant createdAt) {
    }

    /**
     * @param events  the stored events
     * @param entries the Merkle tree's compact range over every entry's hash (recomputed where verification did)
     * @param head    the stored hash of the last entry ({@link LedgerEntry#GENESIS} for an empty ledger)
     * @param checkpoint the newest checkpoint whose signature verified, if any
     * @param rehashed   how many events this verification hashed again: those after the last verification it went
     *                   on from, or all
     */
    public record Verification(long events, MerkleTree.CompactRange entries, String head, List<Mismatch> mismatches,
                               Checkpoint checkpoint, long rehashed) {

        public boolean verified() {
            return mismatches.isEmpty();
        }

        public Optional<Mismatch> firstMismatch() {
            return mismatches.stream().findFirst();
        }
    }

    /** The state after a verification that found nothing wrong: where the next one may go on from. */
    private record Verified(long lastPosition, long events, String head, MerkleTree.CompactRange entries,
                            long checkpointSize, String checkpointNote) {

        static final Verified NOTHING = new Verified(0, 0, LedgerEntry.GENESIS, new MerkleTree.CompactRange(), 0,
                null);
    }

    /**
     * The tenants with events or chain entries stored after a position, each with the last such position: whose
     * chains a verification of what came since must look at. Across tenants, positions may commit out of order.
     */
    public Map<String, Long> tenantsWrittenAfter(long position) {
        Map<String, Long> tenants = new TreeMap<>();
        jdbc.query("select tenant_id, max(global_index) from domain_event_entry where global_index > ? "
                + "group by tenant_id union all select tenant_id, max(global_index) from event_chain "
                + "where global_index > ? group by tenant_id",
                (RowCallbackHandler) row -> tenants.merge(row.getString(1), row.getLong(2), Math::max),
                position, position);
        return tenants;
    }

    /** Checks the whole history from its first entry: every event, every checkpoint. */
    public Verification verifyAll() {
        Optional<SignedCheckpoint> outside = keys.current().newestSigned();
        return snapshot.execute(status -> verify(Verified.NOTHING, outside, null));
    }

    /**
     * Checks the whole history as {@link #verifyAll()} does, and also that a checkpoint an auditor holds (a signed
     * note) is signed by the ledger's key and is a prefix of the log as stored.
     */
    public Verification verifyAgainst(SignedCheckpoint supplied) {
        Optional<SignedCheckpoint> outside = keys.current().newestSigned();
        return snapshot.execute(status -> verify(Verified.NOTHING, outside, supplied));
    }

    /**
     * Checks what came since the last verification that held, and every checkpoint signed since (by this process or
     * another); everything when the checkpoint that verification ended on is no longer stored. What every checkpoint
     * and every start run.
     */
    public Verification verifySinceLastVerified() {
        Verified from = verifiedOf(tenant()).get();
        Optional<SignedCheckpoint> outside = keys.current().newestSigned();
        return snapshot.execute(status -> {
            boolean stillStored = from.checkpointNote() == null || jdbc.queryForObject("select exists (select 1 "
                    + "from integrity_checkpoint where tenant_id = ? and size = ? and note = ?)", Boolean.class,
                    tenant(), from.checkpointSize(), from.checkpointNote());
            return verify(stillStored ? from : Verified.NOTHING, outside, null);
        });
    }

    /**
     * Verifies the log in the snapshot of the running transaction, which its first statement takes. {@code from}
     * and {@code outside} must be read before that: a checkpoint another thread or process signs is committed before
     * it is kept outside the database, so the snapshot holds every checkpoint known outside by then, while one
     * signed after the snapshot was taken and read from outside would look cut from the database.
     */
    private Verification verify(Verified from, Optional<SignedCheckpoint> outside, SignedCheckpoint supplied) {
        CheckpointKey key = keys.current();
        List<Mismatch> mismatches = new ArrayList<>();
        TreeMap<Long, Expectation> roots = new TreeMap<>();
        Checkpoint newest = checkpoints(key, from.checkpointSize(), roots, mismatches);
        checkAgainstStoredHashes(roots.headMap(from.entries().size(), true), mismatches);
        if (newest == null && from.checkpointNote() != null) {
            newest = latestCheckpoint().orElse(null);
        }
        if (outside.isPresent()) {
            SignedCheckpoint known = outside.get();
            if (newest == null || newest.size() < known.size()) {
                String copy = key.outsideCopy().map(Object::toString).orElse("kept in memory");
                mismatches.add(new Mismatch(known.size(), BreakKind.CHECKPOINT_MISSING, "the checkpoint of "
                        + known.size() + " entries this ledger signed (its copy outside the database: " + copy
                        + ") is gone from the database: the log or its checkpoints were cut back",
                        HEX.formatHex(known.root())));
            }
            if (known.size() > from.entries().size()) {
                roots.putIfAbsent(known.size(), new Expectation(known.root(), BreakKind.CHECKPOINT_INCONSISTENT,
                        "the checkpoint of " + known.size() + " entries kept outside the database"));
            }
        }
        if (supplied != null) {
            if (!supplied.verifiedBy(key.verifierKey())) {
                mismatches.add(new Mismatch(supplied.size(), BreakKind.CHECKPOINT_FORGED,
                        "forged checkpoint: the checkpoint supplied is not signed by this ledger's key"));
            } else {
                roots.merge(supplied.size(), new Expectation(supplied.root(), BreakKind.CHECKPOINT_INCONSISTENT,
                        "the checkpoint of " + supplied.size() + " entries supplied"), Expectation::also);
            }
        }
        MerkleTree.CompactRange entries = from.entries().copy();
        long[] events = {from.events()};
        long[] last = {from.lastPosition()};
        String[] previous = {from.head()};
        List<EntryRow> read = new ArrayList<>(HASHED_TOGETHER);
        Consumer<List<EntryRow>> check = chunk -> {
            // each entry hashes over the stored hash before it, so the entries of a chunk hash on every core
            String[] computed = chunk.parallelStream().map(EntryRow::computedHash).toArray(String[]::new);
            for (int i = 0; i < chunk.size(); i++) {
                EntryRow entry = chunk.get(i);
                last[0] = entry.position();
                if (entry.stored() != null && !entry.eventGone()) {
                    events[0]++;
                    if (!computed[i].equals(HEX.formatHex(entry.stored()))) {
                        mismatch(mismatches, new Mismatch(entry.position(), BreakKind.ALTERED, "altered: the event "
                                + "at position " + entry.position() + " does not hash to its stored hash; it "
                                + "(payload, metadata, type, revision, timestamp, stream, sequence) or its place "
                                + "after the entry before it was changed", computed[i]));
                    }
                } else if (entry.eventGone()) {
                    mismatch(mismatches, new Mismatch(entry.position(), BreakKind.DELETED, "deleted: the chain "
                            + "holds a hash for position " + entry.position() + ", but its event is gone",
                            HEX.formatHex(entry.stored())));
                } else {
                    events[0]++;
                    mismatch(mismatches, new Mismatch(entry.position(), BreakKind.INSERTED, "inserted: the event "
                            + "at position " + entry.position() + " was never chained; it was stored behind the "
                            + "ledger's back", computed[i]));
                    continue;
                }
                entries.appendEntry(entry.stored());
                Expectation expected = roots.remove(entries.size());
                if (expected != null) {
                    expected.check(entries, mismatches);
                }
            }
            chunk.clear();
        };
        RowCallbackHandler rows = row -> {
            byte[] stored = row.getBytes("hash");
            boolean eventGone = row.getObject("event_position") == null;
            // an event never chained is shown with the hash it would have as the first entry
            read.add(new EntryRow(row.getLong("position"), eventGone, stored, eventGone ? null
                    : StoredEntry.of(row, stored == null ? LedgerEntry.GENESIS : previous[0])));
            if (stored != null) {
                previous[0] = HEX.formatHex(stored);
            }
            if (read.size() == HASHED_TOGETHER) {
                check.accept(read);
            }
        };
        entries(rows, from.lastPosition());
        check.accept(read);
        jdbc.query(SEQUENCE_GAPS, row -> {
            mismatch(mismatches, new Mismatch(row.getLong(1), BreakKind.SEQUENCE_GAP, "sequence gap: the event at "
                    + "position " + row.getLong(1) + " is number " + row.getLong(3) + " of stream " + row.getString(2)
                    + ", whose number " + (row.getLong(3) - 1) + " is not stored"));
        }, tenant(), from.lastPosition());
        roots.forEach((size, expected) -> mismatches.add(new Mismatch(size, BreakKind.TRUNCATED, "truncated: "
                + expected.what() + " counts " + size + " entries; " + entries.size() + " are stored")));
        Verification verification = new Verification(events[0], entries, previous[0], List.copyOf(mismatches),
                newest, events[0] - from.events());
        AtomicReference<Verified> state = verifiedOf(tenant());
        if (verification.verified()) {
            state.set(new Verified(last[0], events[0], previous[0], entries.copy(),
                    newest == null ? 0 : newest.size(), newest == null ? null : newest.note()));
        } else {
            state.set(Verified.NOTHING);
        }
        return verification;
    }

    /**
     * Checks the roots expected at sizes an earlier verification already passed (checkpoints another process signed
     * since, with an older snapshot) over the stored hashes of the entries it verified, without hashing their
     * events again; removes each it checked. One that the stored entries do not reach is left, to be reported
     * truncated.
     */
    private void checkAgainstStoredHashes(SortedMap<Long, Expectation> within, List<Mismatch> mismatches) {
        if (within.isEmpty()) {
            return;
        }
        MerkleTree.CompactRange prefix = new MerkleTree.CompactRange();
        entryHashes(within.lastKey(), (position, hash) -> {
            prefix.appendEntry(hash);
            Expectation expected = within.remove(prefix.size());
            if (expected != null) {
                expected.check(prefix, mismatches);
            }
        });
    }

    /** Every stored event and chain entry after the position, in position order ({@link #ENTRIES}). */
    private void entries(RowCallbackHandler rows, long after) {
        String tenant = tenant();
        jdbc.query(ENTRIES, rows, tenant, after, tenant, after);
    }

    /** A row of {@link #ENTRIES} as verification reads it: the event as stored (none when gone), its stored hash. */
    private record EntryRow(long position, boolean eventGone, byte[] stored, StoredEntry entry) {

        String computedHash() {
            return entry == null ? null : entry.hash();
        }
    }

    /** A root the entries must hash to at some size: a checkpoint's. */
    private record Expectation(byte[] root, BreakKind kind, String what) {

        void check(MerkleTree.CompactRange entries, List<Mismatch> mismatches) {
            if (!Arrays.equals(entries.root(), root)) {
                mismatches.add(new Mismatch(entries.size(), kind, (kind == BreakKind.REWRITTEN ? "rewritten: the first "
                        : "inconsistent: the first ") + entries.size() + " entries no longer hash to the root "
                        + what + " signed", HEX.formatHex(entries.root())));
            }
        }

        Expectation also(Expectation other) {
            return Arrays.equals(root, other.root) ? this : other;
        }
    }

    /**
     * Reads the checkpoints larger than {@code after}: each must be signed by the ledger's key and its row must be
     * what its note signs; the root of each is expected at its size. Answers the newest that verified.
     */
    private Checkpoint checkpoints(CheckpointKey key, long after, Map<Long, Expectation> roots,
            List<Mismatch> mismatches) {
        Checkpoint[] newest = {null};
        String verifierKey = key.verifierKey();
        jdbc.query("select size, root_hash, note, created_at from integrity_checkpoint where tenant_id = ? "
                + "and size > ? order by size",
                row -> {
                    Checkpoint checkpoint = checkpoint(row);
                    String what = "the checkpoint of " + checkpoint.createdAt() + " (size " + checkpoint.size() + ")";
                    SignedCheckpoint note = parseOrNull(checkpoint.note());
                    if (note == null || !note.verifiedBy(verifierKey)) {
                        mismatches.add(forged(checkpoint, what + " is not signed by this ledger's key",
                                checkpoint.note()));
                    } else if (note.size() != checkpoint.size() || !Arrays.equals(note.root(), checkpoint.rootHash())) {
                        mismatches.add(forged(checkpoint, "the row of " + what + " holds another size or root than "
                                + "its signed note", HEX.formatHex(checkpoint.rootHash())));
                    } else {
                        roots.put(note.size(), new Expectation(note.root(), BreakKind.REWRITTEN, what));
                        newest[0] = checkpoint;
                    }
                }, tenant(), after);
        return newest[0];
    }

    private static Mismatch forged(Checkpoint checkpoint, String what, String evidence) {
        return new Mismatch(checkpoint.size(), BreakKind.CHECKPOINT_FORGED, "forged checkpoint: " + what, evidence);
    }

    private static SignedCheckpoint parseOrNull(String note) {
        try {
            return SignedCheckpoint.parse(note);
        } catch (IllegalArgumentException notANote) {
            return null;
        }
    }

    private static void mismatch(List<Mismatch> mismatches, Mismatch mismatch) {
        if (mismatches.size() < MISMATCHES_KEPT) {
            mismatches.add(mismatch);
        }
    }

    /** The event a row of the event table holds, from its {@code payload}, {@code payload_type} and revision. */
    public static <T> T payload(Serializer serializer, ResultSet row) throws SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                row.getString("payload_type"), row.getString("payload_revision")));
    }

    /**
     * Every stored event as a line of the export, in position order: the members its hash covers, its stored hash
     * ({@code null} for an event that was never chained) and, beside them, its readable flat form (not hashed;
     * {@code null} when this version cannot read the event); in one consistent snapshot; then the latest checkpoint.
     */
    public void export(Consumer<Map<String, Object>> entries, Consumer<Checkpoint> checkpoint) {
        snapshot.executeWithoutResult(status -> {
            String[] previous = {LedgerEntry.GENESIS};
            entries(row -> {
                byte[] stored = row.getBytes("hash");
                if (row.getObject("event_position") != null) {
                    Map<String, Object> line = StoredEntry.of(row, previous[0]).fields();
                    line.put("hash", stored == null ? null : HEX.formatHex(stored));
                    line.put("readable", readable(row));
                    entries.accept(line);
                }
                if (stored != null) {
                    previous[0] = HEX.formatHex(stored);
                }
            }, 0L);
            latestCheckpoint().ifPresent(checkpoint);
        });
    }

    /** An event's flat form (its type's name, revision, payload and metadata by field), or null if unreadable. */
    private Map<String, Object> readable(ResultSet row) throws SQLException {
        try {
            Object payload = payload(serializer, row);
            byte[] metaData = row.getBytes("meta_data");
            Map<String, ?> metadata = metaData == null ? Map.of()
                    : serializer.deserialize(new SerializedMetaData<>(metaData, byte[].class));
            Map<String, Object> readable = new java.util.LinkedHashMap<>();
            readable.put("type", LedgerEventTypes.nameOf(payload.getClass()));
            readable.put("revision", row.getString("payload_revision"));
            readable.put("payload", FlatValues.flatten(payload));
            readable.put("metadata", FlatValues.flatten(metadata));
            return readable;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Chains, in position order, the tenant's events stored after its chain's head without an entry. */
    public long chainUnchained() {
        String tenant = tenant();
        return writing.execute(status -> {
            jdbc.queryForList(HashChainingStorageEngine.lockOfChain(tenant));
            List<Map<String, Object>> head = jdbc.queryForList(
                    "select global_index, encode(hash, 'hex') as hash from event_chain where tenant_id = ? "
                            + "order by global_index desc limit 1", tenant);
            long after = head.isEmpty() ? 0 : ((Number) head.get(0).get("global_index")).longValue();
            String[] previous = {head.isEmpty() ? LedgerEntry.GENESIS : (String) head.get(0).get("hash")};
            List<Object[]> batch = new ArrayList<>();
            long[] chained = {0};
            entries(row -> {
                previous[0] = StoredEntry.of(row, previous[0]).hash();
                batch.add(new Object[] {row.getLong("position"), HEX.parseHex(previous[0]), tenant});
                if (batch.size() == 1_000) {
                    chained[0] += insert(batch);
                }
            }, after);
            chained[0] += insert(batch);
            return chained[0];
        });
    }

    private long insert(List<Object[]> batch) {
        jdbc.batchUpdate("insert into event_chain (global_index, hash, tenant_id) values (?, ?, ?)", batch);
        long inserted = batch.size();
        batch.clear();
        return inserted;
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.query("select size, root_hash, note, created_at from integrity_checkpoint where tenant_id = ? "
                + "order by size desc limit 1", (row, n) -> checkpoint(row), tenant()).stream().findFirst();
    }

    private static Checkpoint checkpoint(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong("size"), row.getBytes("root_hash"), row.getString("note"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /**
     * Verifies what came since the last verification and, when that holds (or an operator acknowledged each break
     * it finds) and the log grew, signs a checkpoint of the whole log as stored. Otherwise no checkpoint: the
     * verification says why.
     */
    public Verification checkpoint(Predicate<Mismatch> acknowledged) {
        Verification verification = verifySinceLastVerified();
        long size = verification.entries().size();
        if (!verification.mismatches().stream().allMatch(acknowledged) || size == 0
                || (verification.checkpoint() != null && verification.checkpoint().size() == size)) {
            return verification;
        }
        byte[] root = verification.entries().root();
        CheckpointKey key = keys.current();
        SignedCheckpoint signed = key.sign(size, root);
        jdbc.update("insert into integrity_checkpoint (tenant_id, size, root_hash, note) values (?, ?, ?, ?) "
                + "on conflict (tenant_id, size) do nothing", tenant(), size, root, signed.note());
        Checkpoint stored = latestCheckpoint().orElseThrow();
        key.keepOutside(SignedCheckpoint.parse(stored.note()));
        verifiedOf(tenant()).updateAndGet(state -> state.entries().size() == size && verification.verified()
                ? new Verified(state.lastPosition(), state.events(), state.head(), state.entries(), stored.size(),
                        stored.note()) : state);
        return new Verification(verification.events(), verification.entries(), verification.head(),
                verification.mismatches(), stored, verification.rehashed());
    }

    /** The hashes of the first {@code size} entries, in position order, with their positions. */
    private void entryHashes(long size, BiConsumer<Long, byte[]> entry) {
        jdbc.query("select global_index, hash from event_chain where tenant_id = ? order by global_index limit ?",
                (RowCallbackHandler) row -> entry.accept(row.getLong(1), row.getBytes(2)), tenant(), size);
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
            entryHashes(latest.get().size(), (at, hash) -> {
                positions.add(at);
                entryHashes.add(hash);
            });
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

    /**
     * The RFC 9162 consistency proof from the log's first {@code size} entries (an older checkpoint an auditor holds)
     * to the latest checkpoint; empty when there is no checkpoint that large.
     */
    public Optional<ConsistencyProof> consistency(long size) {
        return snapshot.execute(status -> {
            Optional<Checkpoint> latest = latestCheckpoint();
            if (latest.isEmpty() || size > latest.get().size()) {
                return Optional.empty();
            }
            List<byte[]> entryHashes = new ArrayList<>();
            entryHashes(latest.get().size(), (at, hash) -> entryHashes.add(hash));
            if (entryHashes.size() < latest.get().size()) {
                return Optional.empty();
            }
            List<byte[]> leaves = entryHashes.stream().map(MerkleTree::leaf).toList();
            return Optional.of(new ConsistencyProof(size, MerkleTree.consistencyProof(leaves, (int) size,
                    leaves.size()), latest.get()));
        });
    }

    public record ConsistencyProof(long fromSize, List<byte[]> path, Checkpoint checkpoint) {
    }
}
