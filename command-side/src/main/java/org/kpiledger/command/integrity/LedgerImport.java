package org.kpiledger.command.integrity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.kpiledger.platform.integrity.FlatValues;
import org.kpiledger.platform.integrity.LedgerEventTypes;
import org.kpiledger.platform.integrity.MerkleTree;
import org.kpiledger.platform.integrity.SignedCheckpoint;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores an export into an empty event store, in one transaction: each entry stored at its own position, as the
 * ledger serializes events, then chained; the import is kept only if the chain's head is the export's, which
 * proves every entry was reproduced exactly, and the checkpoint's root is that of the entries it counts.
 */
@Component
public class LedgerImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate transaction;
    private final IntegrityChain chain;

    LedgerImport(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            PlatformTransactionManager transactions, IntegrityChain chain) {
        this.jdbc = jdbc;
        this.serializer = serializer;
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

    @SuppressWarnings("unchecked")
    private long store(Map<String, Object> fields) {
        long position = ((Number) fields.get("position")).longValue();
        Object event = FlatValues.read(fields.get("payload"), LedgerEventTypes.byName((String) fields.get("type")));
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        Map<String, Object> metadata = (Map<String, Object>) fields.get("metadata");
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(metadata == null ? Map.of() : metadata),
                byte[].class);
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, type, aggregate_identifier,
                    sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", position, fields.get("eventId"), fields.get("streamType"),
                fields.get("streamId"), ((Number) fields.get("sequence")).longValue(), fields.get("timestamp"),
                payload.getType().getName(), fields.get("revision"), payload.getData(), metaData.getData());
        return position;
    }
}
