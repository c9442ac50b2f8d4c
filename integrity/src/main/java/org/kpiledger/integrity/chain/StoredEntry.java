package org.kpiledger.integrity.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of the ledger as it was stored, column for column, and what its hash is taken over (the chain's scheme
 * 2, docs/integrity.md): the hash commits to the stored bytes of the payload and metadata, the stored type name and
 * revision, never to a re-serialization by the code of the day. So an event type that gains a field, is renamed
 * behind an upcaster or gets a new revision leaves every stored hash as it was.
 *
 * @param metadata the stored metadata's bytes; {@code null} when the row holds none
 */
public record StoredEntry(long position, String eventId, String streamType, String streamId, long sequence,
                          String timestamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metadata, String previousHash) {

    public static final int SCHEME = 2;

    /** The columns of {@code domain_event_entry} an entry is made of, as a select list. */
    public static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data";

    /** The entry of the event in the current row of a result that selected {@link #COLUMNS}. */
    public static StoredEntry of(ResultSet row, String previousHash) throws SQLException {
        return of(row, row.getBytes("payload"), row.getBytes("meta_data")).withPreviousHash(previousHash);
    }

    /**
     * The entry of the event in the current row of a result that selected {@link #COLUMNS} but the payload and the
     * metadata, which are given; not yet after any entry ({@link #withPreviousHash}).
     */
    public static StoredEntry of(ResultSet row, byte[] payload, byte[] metadata) throws SQLException {
        return new StoredEntry(row.getLong("global_index"), row.getString("event_identifier"), row.getString("type"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("time_stamp"),
                row.getString("payload_type"), row.getString("payload_revision"), payload, metadata, null);
    }

    public StoredEntry withPreviousHash(String previous) {
        return new StoredEntry(position, eventId, streamType, streamId, sequence, timestamp, payloadType,
                payloadRevision, payload, metadata, previous);
    }

    /** The members the hash covers, in the export's order: bytes in standard base64, absent values as null. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("scheme", SCHEME);
        fields.put("position", position);
        fields.put("eventId", eventId);
        fields.put("streamType", streamType);
        fields.put("streamId", streamId);
        fields.put("sequence", sequence);
        fields.put("timestamp", timestamp);
        fields.put("payloadType", payloadType);
        fields.put("payloadRevision", payloadRevision);
        fields.put("payload", Base64.getEncoder().encodeToString(payload));
        fields.put("metadata", metadata == null ? null : Base64.getEncoder().encodeToString(metadata));
        fields.put("previousHash", previousHash);
        return fields;
    }

    public String hash() {
        return LedgerEntry.hash(fields());
    }
}
