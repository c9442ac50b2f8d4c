package org.kpiledger.integrity.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One event of the ledger in its flat, stable form: a line of the export, and what its hash is taken over. The hash
 * of an entry is SHA-256 of the {@linkplain CanonicalJson canonical JSON} of its fields, {@code previousHash} (the
 * hash of the entry before it, 64 zeros for the first) included and {@code hash} itself left out; so each hash seals
 * everything before it.
 */
public record LedgerEntry(long position, String eventId, String streamType, String streamId, long sequence,
                          String type, String revision, String timestamp, Object payload, Map<String, Object> metadata,
                          String previousHash) {

    public static final String GENESIS = "0".repeat(64);

    public static LedgerEntry of(DomainEventMessage<?> event, long position, String previousHash) {
        return new LedgerEntry(position, event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), LedgerEventTypes.nameOf(event.getPayloadType()),
                LedgerEventTypes.revisionOf(event.getPayloadType()), timestamp(event.getTimestamp()),
                FlatValues.flatten(event.getPayload()), metadata(event.getMetaData()), previousHash);
    }

    /** An instant as the event store keeps it and as an entry writes it: ISO-8601 in UTC, in milliseconds. */
    public static String timestamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, ?> metaData) {
        return (Map<String, Object>) FlatValues.flatten(metaData);
    }

    /** The entry's fields in the export's order, without its hash. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("position", position);
        fields.put("eventId", eventId);
        fields.put("streamType", streamType);
        fields.put("streamId", streamId);
        fields.put("sequence", sequence);
        fields.put("type", type);
        fields.put("revision", revision);
        fields.put("timestamp", timestamp);
        fields.put("payload", payload);
        fields.put("metadata", metadata);
        fields.put("previousHash", previousHash);
        return fields;
    }

    public String hash() {
        return hash(fields());
    }

    /** SHA-256, in lower-case hex, of the canonical JSON of an entry's fields (its {@code hash} excluded). */
    public static String hash(Map<String, Object> fieldsWithoutHash) {
        return HexFormat.of().formatHex(sha256(CanonicalJson.bytes(fieldsWithoutHash)));
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
