package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StoredEntryTest {

    static final StoredEntry ENTRY = new StoredEntry(12, "6b0d2c1e", "Kpi", "1-1-1-01", 3, "2026-11-26T08:15:02.123Z",
            "org.kpiledger.events.kpi.ActualRecordedEvent", "1",
            "{\"kpiId\":{\"value\":\"1-1-1-01\"},\"note\":\"速報値\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actor\":\"sato\"}".getBytes(StandardCharsets.UTF_8), LedgerEntry.GENESIS);

    @Test
    void hashesAsTheDocumentedPythonDoes() {
        // docs/integrity.md's entry_hash, run with Python 3 on this entry's export line
        assertThat(ENTRY.hash()).isEqualTo("00497ac1afe2014a6e073a4b903473a74485eebf2fdde71cbc019c690318fb04");
        assertThat(ENTRY.fields()).containsEntry("payload",
                "eyJrcGlJZCI6eyJ2YWx1ZSI6IjEtMS0xLTAxIn0sIm5vdGUiOiLpgJ/loLHlgKQifQ==")
                .containsEntry("metadata", "eyJhY3RvciI6InNhdG8ifQ==").containsEntry("scheme", 2);
    }

    @Test
    void everyStoredColumnAndThePreviousHashChangeTheHash() {
        List<UnaryOperator<StoredEntry>> changes = List.of(
                e -> new StoredEntry(13, e.eventId(), e.streamType(), e.streamId(), e.sequence(), e.timestamp(),
                        e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), "other", e.streamType(), e.streamId(), e.sequence(), e.timestamp(),
                        e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), "Strategy", e.streamId(), e.sequence(), e.timestamp(),
                        e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), "1-1-1-02", e.sequence(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(),
                        e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), 4, e.timestamp(),
                        e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        "2026-11-26T08:15:02.124Z", e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(),
                        e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        e.timestamp(), "org.kpiledger.events.kpi.ActualCorrectedEvent", e.payloadRevision(),
                        e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        e.timestamp(), e.payloadType(), "2", e.payload(), e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(),
                        (new String(e.payload(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8),
                        e.metadata(), e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), null, e.previousHash()),
                e -> new StoredEntry(e.position(), e.eventId(), e.streamType(), e.streamId(), e.sequence(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(),
                        "1".repeat(64)));
        for (UnaryOperator<StoredEntry> change : changes) {
            assertThat(change.apply(ENTRY).hash()).isNotEqualTo(ENTRY.hash());
        }
    }
}
