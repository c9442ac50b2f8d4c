package org.kpiledger.integrity.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.integrity.chain.StoredEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores an export into an empty event store, in one transaction: each entry's event stored at its own position
 * with the very bytes, type and revision the export holds, then chained; the import is kept only if the chain's head is the export's, which
 * proves every entry was reproduced exactly, and the checkpoint's root is that of the entries it counts.
 */
@Component
public class LedgerImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IntegrityChain chain;

    LedgerImport(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrityChain chain) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.chain = chain;
    }

    /** Imports the export; answers how many events it stored. */
    public long importFrom(BufferedReader export) {
        return transaction.execute(status -> {
            if (jdbc.queryForObject("select exists (select 1 from domain_event_entry)", Boolean.class)) {
                throw new IllegalStateException("The event store is not empty: an export is imported into an empty one");
            }
            List<byte[]> hashes = new ArrayList<>();
            SignedCheckpoint checkpoint = null;
            long last = 0;
            try {
                String line;
                while ((line = export.readLine()) != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = JSON.readValue(line, LinkedHashMap.class);
                    if (fields.get("checkpoint") instanceof Map<?, ?> signed) {
                        checkpoint = SignedCheckpoint.parse(String.valueOf(signed.get("note")));
                        continue;
                    }
                    last = store(fields);
                    hashes.add(HEX.parseHex((String) fields.get("hash")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (hashes.isEmpty()) {
                return 0L;
            }
            jdbc.queryForObject("select setval('domain_event_global_index_seq', ?)", Long.class, last);
            chain.chainUnchained();
            byte[] head = jdbc.queryForObject("select hash from event_chain order by global_index desc limit 1",
                    byte[].class);
            if (!Arrays.equals(head, hashes.get(hashes.size() - 1))) {
                throw new IllegalStateException("The imported events do not reproduce the export's head hash "
                        + HEX.formatHex(hashes.get(hashes.size() - 1)) + " (they give " + HEX.formatHex(head)
                        + "): the export was altered, or not made by this ledger");
            }
            if (checkpoint != null && (checkpoint.size() > hashes.size() || !Arrays.equals(
                    MerkleTree.rootOfEntries(hashes, (int) checkpoint.size()), checkpoint.root()))) {
                throw new IllegalStateException("The export's checkpoint does not sign the imported entries");
            }
            return (long) hashes.size();
        });
    }

    /** Stores an entry's event as the export holds it: its stored columns, byte for byte. */
    private long store(Map<String, Object> fields) {
        if (!Integer.valueOf(StoredEntry.SCHEME).equals(fields.get("scheme"))) {
            throw new IllegalStateException("The export is not of scheme " + StoredEntry.SCHEME + " (line of position "
                    + fields.get("position") + "): an export of an earlier release is verified with it, not "
                    + "imported; open that release's database with this one instead");
        }
        long position = ((Number) fields.get("position")).longValue();
        Object metadata = fields.get("metadata");
        jdbc.update("insert into domain_event_entry (" + StoredEntry.COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", position, fields.get("eventId"), fields.get("streamType"),
                fields.get("streamId"), ((Number) fields.get("sequence")).longValue(), fields.get("timestamp"),
                fields.get("payloadType"), fields.get("payloadRevision"),
                Base64.getDecoder().decode((String) fields.get("payload")),
                metadata == null ? null : Base64.getDecoder().decode((String) metadata));
        return position;
    }
}
