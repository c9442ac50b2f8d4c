package org.kpiledger.integrity.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.serialization.Serializer;
import org.kpiledger.integrity.ledger.IntegrityChain.BreakKind;
import org.kpiledger.integrity.ledger.IntegrityChain.Mismatch;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The breaks of each tenant's history ever detected and whether an administrator of the tenant acknowledged each. A
 * break is recorded, when first found, in {@code integrity_break}, apart from the tables it concerns: it stays
 * reported, and the tenant's writes stay refused, until an acknowledgement in the tenant's ledger stream names it,
 * even when the rows it concerns are put back or a later verification no longer sees it. Every method concerns the
 * tenant the current thread works for; another tenant's break refuses nothing of it.
 */
@Component
public class IntegrityStatus {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final DefaultTenant defaultTenant;
    private final TenantStreams streams;
    private final Map<String, AtomicReference<State>> states = new ConcurrentHashMap<>();

    IntegrityStatus(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            DefaultTenant defaultTenant, TenantStreams streams) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.defaultTenant = defaultTenant;
        this.streams = streams;
    }

    /** The current tenant's state, read from the database the first time this process asks. */
    private AtomicReference<State> state() {
        return states.computeIfAbsent(defaultTenant.current(),
                tenant -> new AtomicReference<>(new State(null, unacknowledged(recorded()))));
    }

    /** The tenants with a break no acknowledgement covered when this process last looked. */
    public Set<String> tenantsWithBreaks() {
        Set<String> broken = new TreeSet<>();
        states.forEach((tenant, state) -> {
            if (!state.get().unacknowledged().isEmpty()) {
                broken.add(tenant);
            }
        });
        return broken;
    }

    /** The last verification, and the recorded breaks that no acknowledgement covered when last looked at. */
    private record State(IntegrityChain.Verification verification, List<Mismatch> unacknowledged) {
    }

    /** Records a verification: the breaks it found that were not recorded yet are, from now on. */
    void record(IntegrityChain.Verification verification) {
        insert(verification.mismatches());
        state().set(new State(verification, unacknowledged(recorded())));
    }

    /** Records breaks found outside a verification of the chain (the chain of scheme 1's). */
    void record(List<Mismatch> mismatches) {
        insert(mismatches);
        load();
    }

    private void insert(List<Mismatch> mismatches) {
        for (Mismatch mismatch : mismatches) {
            jdbc.update("insert into integrity_break (tenant_id, kind, position, reason, evidence) "
                    + "values (?, ?, ?, ?, ?) on conflict do nothing", defaultTenant.current(), mismatch.kind().name(),
                    mismatch.position(), mismatch.reason(), mismatch.evidence());
        }
    }

    /** Reads the breaks recorded before, by this process or another: what a start does first. */
    void load() {
        AtomicReference<State> state = state();
        state.set(new State(state.get().verification(), unacknowledged(recorded())));
    }

    public Optional<IntegrityChain.Verification> lastVerification() {
        return Optional.ofNullable(state().get().verification());
    }

    /**
     * The recorded breaks that no acknowledgement covers, first first. Free while there are none (every write asks);
     * while there are, the acknowledgements are read again, so that one made through another process lifts the
     * refusal here at once.
     */
    public List<Mismatch> unacknowledged() {
        AtomicReference<State> state = state();
        State current = state.get();
        if (current.unacknowledged().isEmpty()) {
            return List.of();
        }
        State now = new State(current.verification(), unacknowledged(current.unacknowledged()));
        state.compareAndSet(current, now);
        return now.unacknowledged();
    }

    /**
     * Whether an acknowledgement covers a break, as the acknowledgements stand now (read once): one that names the
     * break's kind, position and evidence, or, made before breaks had kinds, its position and reason.
     */
    Predicate<Mismatch> acknowledgedNow() {
        Set<String> acknowledged = acknowledgedBreaks();
        return mismatch -> acknowledged.contains(identity(mismatch.kind().name(), mismatch.position(),
                mismatch.evidence()))
                || acknowledged.contains(wording(mismatch.position(), mismatch.reason()));
    }

    private List<Mismatch> recorded() {
        return jdbc.query("select kind, position, reason, evidence from integrity_break where tenant_id = ? "
                + "order by detected_at, position", (row, n) -> new Mismatch(row.getObject(2) == null ? null
                : row.getLong(2), BreakKind.valueOf(row.getString(1)), row.getString(3), row.getString(4)),
                defaultTenant.current());
    }

    private List<Mismatch> unacknowledged(List<Mismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return List.of();
        }
        return mismatches.stream().filter(acknowledgedNow().negate()).toList();
    }

    private Set<String> acknowledgedBreaks() {
        return Set.copyOf(jdbc.query("select payload, payload_type, payload_revision from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type = ?", (row, n) -> {
                    IntegrityBreakAcknowledgedEvent event = IntegrityChain.payload(serializer, row);
                    Long position = event.position() < 0 ? null : event.position();
                    return event.kind() == null ? wording(position, event.mismatch())
                            : identity(event.kind(), position, event.evidence());
                }, streams.stored(IntegrityEvent.LEDGER), IntegrityBreakAcknowledgedEvent.class.getName()));
    }

    /** A break as acknowledgements name it now: its kind, position and evidence. */
    private static String identity(String kind, Long position, String evidence) {
        return kind + " " + (position == null ? -1 : position) + " " + evidence;
    }

    /** A break as acknowledgements of revision 1 named it: its position ({@code -1} for the whole log) and reason. */
    private static String wording(Long position, String reason) {
        return (position == null ? -1 : position) + " " + reason;
    }
}
