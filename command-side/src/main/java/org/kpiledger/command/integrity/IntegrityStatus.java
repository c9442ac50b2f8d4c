package org.kpiledger.command.integrity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.serialization.Serializer;
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
    private final AtomicReference<State> state = new AtomicReference<>(new State(null, List.of()));

    IntegrityStatus(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The last verification, and those of its breaks that no acknowledgement covered when last looked at. */
    private record State(IntegrityChain.Verification verification, List<IntegrityChain.Mismatch> unacknowledged) {
    }

    void record(IntegrityChain.Verification verification) {
        state.set(new State(verification, unacknowledged(verification.mismatches())));
    }

    public Optional<IntegrityChain.Verification> lastVerification() {
        return Optional.ofNullable(state.get().verification());
    }

    /**
     * The breaks the last verification found that no acknowledgement covers, first first. Free while there are none
     * (every write asks); while there are, the acknowledgements are read again, so that one made through another
     * process lifts the refusal here at once.
     */
    public List<IntegrityChain.Mismatch> unacknowledged() {
        State current = state.get();
        if (current.unacknowledged().isEmpty()) {
            return List.of();
        }
        State now = new State(current.verification(), unacknowledged(current.unacknowledged()));
        state.compareAndSet(current, now);
        return now.unacknowledged();
    }

    /** Whether an acknowledgement covers a break, as the acknowledgements stand now (read once). */
    Predicate<IntegrityChain.Mismatch> acknowledgedNow() {
        Set<String> acknowledged = acknowledgedBreaks();
        return mismatch -> acknowledged.contains(key(mismatch.position(), mismatch.reason()));
    }

    private List<IntegrityChain.Mismatch> unacknowledged(List<IntegrityChain.Mismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return List.of();
        }
        return mismatches.stream().filter(acknowledgedNow().negate()).toList();
    }

    private Set<String> acknowledgedBreaks() {
        return Set.copyOf(jdbc.query("select payload, payload_type, payload_revision from domain_event_entry "
                + "where aggregate_identifier = ? and type = 'LedgerIntegrity'", (row, n) -> {
                    IntegrityBreakAcknowledgedEvent event = IntegrityChain.payload(serializer, row);
                    return key(event.position() < 0 ? null : event.position(), event.mismatch());
                }, IntegrityEvent.LEDGER));
    }

    /** A break, as an acknowledgement names it: its position ({@code -1} for the log as a whole) and reason. */
    static String key(Long position, String reason) {
        return (position == null ? -1 : position) + " " + reason;
    }
}
