package org.kpiledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.integrity.chain.IntegrityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' event source, against the real event store on PostgreSQL. The hash chain makes appends take
 * turns, so through the ledger an event can no longer commit after a later one; it is switched off here to make
 * one, as a writer that bypasses the chain (or a chain switched off) would, which the source must still survive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = IntegrityConfiguration.HASH_CHAIN + "=false")
class NotifiedEventSourceIT {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private JdbcTemplate jdbc;

    /**
     * Two writers: the first takes its position, the second takes the next one and commits first; the projections
     * pass the first's position as a gap; then the first commits. Its rows must carry its own position.
     */
    @Test
    void anEventThatCommitsAfterALaterOneKeepsItsOwnPositionInEveryProjection() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(
                status -> {
                    register("late-committed");
                    appended.countDown();
                    try {
                        assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        transaction.executeWithoutResult(status -> register("committed-first"));
        long later = positionOf("committed-first");
        await().atMost(Duration.ofSeconds(30)).until(() -> projectedPositions("committed-first").equals(
                Map.of("ledger_change", later, "kpi_version", later)));

        commit.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);

        long earlier = positionOf("late-committed");
        assertThat(earlier).isLessThan(later);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projectedPositions("late-committed"))
                .isEqualTo(Map.of("ledger_change", earlier, "kpi_version", earlier)));
    }

    private void register(String kpiId) {
        KpiRegisteredEvent registered = new KpiRegisteredEvent(new KpiId(kpiId), "創業支援件数", "件",
                Accumulation.ANNUAL, Direction.INCREASE, new Baseline(FiscalYear.of(2014), Quantity.of("10", "件"), null),
                new Target(FiscalYear.of(2019), Quantity.of("20", "件"), TargetComparator.AT_LEAST), null);
        eventStore.publish(new GenericDomainEventMessage<>("Kpi", kpiId, 0, new GenericMessage<>(
                IdentifierFactory.getInstance().generateIdentifier(), registered,
                Map.of(AxonPlatformConfiguration.ACTOR, "writer")), Instant.now()));
    }

    private long positionOf(String kpiId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, kpiId);
    }

    private Map<String, Long> projectedPositions(String kpiId) {
        Map<String, Long> positions = new TreeMap<>();
        jdbc.query("select position from ledger_change where subject = ?",
                row -> { positions.put("ledger_change", row.getLong(1)); }, kpiId);
        jdbc.query("select position from kpi_version where kpi_id = ?",
                row -> { positions.put("kpi_version", row.getLong(1)); }, kpiId);
        return positions;
    }
}
