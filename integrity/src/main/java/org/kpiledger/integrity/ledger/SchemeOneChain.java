package org.kpiledger.integrity.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.kpiledger.integrity.ledger.IntegrityChain.BreakKind;
import org.kpiledger.integrity.ledger.IntegrityChain.Mismatch;
import org.kpiledger.events.integrity.HashChainSchemeChangedEvent;
import org.kpiledger.integrity.chain.FlatValues;
import org.kpiledger.integrity.chain.LedgerEntry;
import org.kpiledger.integrity.chain.LedgerEventTypes;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hash chain of scheme 1, kept read-only in {@code event_chain_scheme1} and {@code integrity_checkpoint_scheme1}
 * by a store written before scheme 2: checked once, when the ledger moves to scheme 2. The entries its newest
 * checkpoint signed are checked against that checkpoint's signature and root, from their stored hashes (so the check
 * holds whatever the event types have become since); the entries after it are recomputed as scheme 1 computed them;
 * an event of that span with no hash at all is named as scheme 1 named it, so that an acknowledgement of it made
 * then still covers it.
 */
@Component
class SchemeOneChain {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final CheckpointKey key;

    SchemeOneChain(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer, CheckpointKeys keys,
            DefaultTenant defaultTenant) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.key = keys.of(defaultTenant.id());
    }

    /** What the old chain was when the ledger left it: its size, head and newest checkpoint, and its breaks. */
    record Verification(long entries, String head, String checkpoint, List<Mismatch> mismatches) {
    }

    /** Whether this store holds a chain of scheme 1 whose move to scheme 2 is not recorded yet. */
    boolean awaitsMove() {
        return jdbc.queryForObject("select exists (select 1 from event_chain_scheme1) "
                + "or exists (select 1 from integrity_checkpoint_scheme1)", Boolean.class)
                && !jdbc.queryForObject("select exists (select 1 from domain_event_entry where payload_type = ?)",
                Boolean.class, HashChainSchemeChangedEvent.class.getName());
    }

    Verification verify() {
        List<Mismatch> mismatches = new ArrayList<>();
        Optional<Map<String, Object>> newest = jdbc.queryForList("select size, root_hash, note, created_at "
                + "from integrity_checkpoint_scheme1 order by size desc limit 1").stream().findFirst();
        List<byte[]> hashes = new ArrayList<>();
        long[] covered = {0};
        String note = null;
        if (newest.isPresent()) {
            note = (String) newest.get().get("note");
            long size = ((Number) newest.get().get("size")).longValue();
            String signed = "the checkpoint of scheme 1 of " + newest.get().get("created_at");
            SignedCheckpoint checkpoint = parse(note);
            jdbc.query("select global_index, hash from event_chain_scheme1 order by global_index limit ?", row -> {
                hashes.add(row.getBytes(2));
                covered[0] = row.getLong(1);
            }, size);
            if (checkpoint == null || !checkpoint.verifiedBy(key.verifierKey()) || checkpoint.size() != size) {
                mismatches.add(new Mismatch(size, BreakKind.SCHEME_ONE, "forged checkpoint: " + signed
                        + " is not signed by this ledger's key"));
            } else if (hashes.size() < size) {
                mismatches.add(new Mismatch(size, BreakKind.SCHEME_ONE, "truncated: " + signed + " signed " + size
                        + " entries; fewer are stored"));
            } else if (!Arrays.equals(MerkleTree.rootOfEntries(hashes, (int) size), checkpoint.root())) {
                mismatches.add(new Mismatch(size, BreakKind.SCHEME_ONE, "rewritten: the first " + size
                        + " entries no longer hash to the root " + signed + " signed"));
            }
            jdbc.query("select e.global_index from domain_event_entry e where e.global_index < ? and not exists "
                    + "(select 1 from event_chain_scheme1 c where c.global_index = e.global_index) "
                    + "order by e.global_index", row -> {
                        mismatches.add(inserted(row.getLong(1)));
                    }, covered[0]);
        }
        String[] previous = {hashes.isEmpty() ? LedgerEntry.GENESIS : HEX.formatHex(hashes.get(hashes.size() - 1))};
        long[] entries = {hashes.size()};
        jdbc.query("""
                select coalesce(e.global_index, c.global_index) as position, e.global_index as event_position,
                       e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp,
                       e.payload_type, e.payload_revision, e.payload, e.meta_data, c.hash
                from domain_event_entry e full join event_chain_scheme1 c on c.global_index = e.global_index
                where coalesce(e.global_index, c.global_index) > ?
                  and coalesce(e.global_index, c.global_index) <= (select max(global_index) from event_chain_scheme1)
                order by coalesce(e.global_index, c.global_index)""", row -> {
                    long position = row.getLong("position");
                    byte[] stored = row.getBytes("hash");
                    if (row.getObject("event_position") == null) {
                        mismatches.add(new Mismatch(position, BreakKind.SCHEME_ONE, "deleted: the chain holds a "
                                + "hash for position " + position + ", but its event is gone"));
                    } else if (stored == null) {
                        mismatches.add(inserted(position));
                        return;
                    } else if (!entry(row, previous[0]).equals(HEX.formatHex(stored))) {
                        mismatches.add(new Mismatch(position, BreakKind.SCHEME_ONE, "altered: the event at position "
                                + position + " does not hash to its stored hash; it (payload, metadata, timestamp, "
                                + "stream, type) or its place after the entry before it was changed"));
                    }
                    entries[0]++;
                    previous[0] = HEX.formatHex(stored);
                }, covered[0]);
        return new Verification(entries[0], previous[0], note, mismatches);
    }

    private static Mismatch inserted(long position) {
        return new Mismatch(position, BreakKind.SCHEME_ONE, "inserted: the event at position " + position
                + " was never chained; it was stored behind the ledger's back");
    }

    private static SignedCheckpoint parse(String note) {
        try {
            return SignedCheckpoint.parse(note);
        } catch (IllegalArgumentException notANote) {
            return null;
        }
    }

    /** The hash scheme 1 gave an entry: over the event as the record of its type flattens it. */
    @SuppressWarnings("unchecked")
    private String entry(ResultSet row, String previousHash) throws SQLException {
        try {
            Object payload = IntegrityChain.payload(serializer, row);
            byte[] metaData = row.getBytes("meta_data");
            Map<String, ?> metadata = metaData == null ? Map.of()
                    : serializer.deserialize(new SerializedMetaData<>(metaData, byte[].class));
            return new LedgerEntry(row.getLong("position"), row.getString("event_identifier"), row.getString("type"),
                    row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                    LedgerEventTypes.nameOf(payload.getClass()), row.getString("payload_revision"),
                    row.getString("time_stamp"), FlatValues.flatten(payload),
                    (Map<String, Object>) FlatValues.flatten(metadata), previousHash).hash();
        } catch (RuntimeException unreadable) {
            return "unreadable";
        }
    }
}
