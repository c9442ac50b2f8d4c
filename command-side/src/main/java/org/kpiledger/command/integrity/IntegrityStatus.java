package org.kpiledger.command.integrity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the stored history verified when last checked (at start, and with every checkpoint), and whether an
 * operator acknowledged the breaks found. While a break is not acknowledged, writes are refused.
 */
@Component
public class IntegrityStatus {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final AtomicReference<IntegrityChain.Verification> last = new AtomicReference<>();

    IntegrityStatus(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    void record(IntegrityChain.Verification verification) {
        last.set(verification);
    }

    public Optional<IntegrityChain.Verification> lastVerification() {
        return Optional.ofNullable(last.get());
    }

    /** The breaks the last verification found that no acknowledgement covers, first first. */
    public List<IntegrityChain.Mismatch> unacknowledged() {
        IntegrityChain.Verification verification = last.get();
        if (verification == null || verification.verified()) {
            return List.of();
        }
        return unacknowledged(verification.mismatches());
    }

    /** Those of the given breaks that no acknowledgement covers. */
    public List<IntegrityChain.Mismatch> unacknowledged(List<IntegrityChain.Mismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return List.of();
        }
        Set<String> acknowledged = acknowledgedBreaks();
        return mismatches.stream()
                .filter(mismatch -> !acknowledged.contains(key(mismatch.position(), mismatch.reason())))
                .toList();
    }

    /** Whether an acknowledgement covers a break. */
    boolean acknowledged(IntegrityChain.Mismatch mismatch) {
        return unacknowledged(List.of(mismatch)).isEmpty();
    }

    public boolean writable() {
        return unacknowledged().isEmpty();
    }

    private Set<String> acknowledgedBreaks() {
        return Set.copyOf(jdbc.query("select payload, payload_type, payload_revision from domain_event_entry "
                + "where aggregate_identifier = ? and type = 'LedgerIntegrity'", (row, n) -> {
                    IntegrityBreakAcknowledgedEvent event = serializer.deserialize(new SimpleSerializedObject<>(
                            row.getBytes(1), byte[].class, row.getString(2), row.getString(3)));
                    return key(event.position() < 0 ? null : event.position(), event.mismatch());
                }, IntegrityEvent.LEDGER));
    }

    /** A break, as an acknowledgement names it: its position ({@code -1} for the log as a whole) and reason. */
    static String key(Long position, String reason) {
        return (position == null ? -1 : position) + " " + reason;
    }
}
