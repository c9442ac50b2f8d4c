package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6, item 2: the zero-setup default comes back by itself after {@code kill -9}. The JVM is killed while
 * writers are busy; its embedded PostgreSQL is left running on the data directory, as after a real crash. The next
 * start must stop that orphan and come up on the same data, with every write it acknowledged, three times over.
 */
class CrashRecoveryIT {

    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");
    private static final int WRITERS = 4;

    @TempDir
    Path dataDirectory;

    @Test
    void comesBackAfterKillNineWithEveryAcknowledgedWriteAndAConvergedReadModel() throws Exception {
        Map<String, String> environment = Map.of("KPI_LEDGER_DATA_DIR", dataDirectory.toString(),
                "KPI_LEDGER_ADMIN_PASSWORD", LedgerProcesses.ADMIN_PASSWORD);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        for (int round = 1; round <= 3; round++) {
            LaunchedJar ledger = LaunchedJar.start(LEDGER_JAR, environment);
            if (round == 1) {
                ledger.http().as("admin", LedgerProcesses.ADMIN_PASSWORD).createUser("tanaka", null, "PLANNER");
            } else {
                assertThat(ledger.log()).as("round %d found the orphan of the killed run", round)
                        .contains("left by an earlier run that did not stop");
                assertAllThere(ledger, acknowledged);
            }
            int before = acknowledged.size();
            writeUntilKilled(ledger, "r" + round, acknowledged);
            assertThat(acknowledged.size() - before).as("writes acknowledged in round %d", round).isPositive();
        }

        try (LaunchedJar ledger = LaunchedJar.start(LEDGER_JAR, environment)) {
            assertAllThere(ledger, acknowledged);
        }
    }

    /** Writers, signed in as a planner, register KPIs as fast as the ledger answers; the JVM is killed under them. */
    private static void writeUntilKilled(LaunchedJar ledger, String round, Set<String> acknowledged)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        LedgerHttp planner = ledger.http().as("tanaka", LedgerHttp.passwordOf("tanaka"));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            String prefix = "crash-" + round + "-w" + writer + "-";
            writers.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        if (planner.post("/api/v1/kpis", registerStartups(prefix + n)).status() == 201) {
                            acknowledged.add(prefix + n);
                        }
                    } catch (UncheckedIOException killedMeanwhile) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(1500);
        ledger.kill();
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Every acknowledged write is in the event store, and the read model holds exactly what the store holds. */
    private void assertAllThere(LaunchedJar ledger, Set<String> acknowledged) {
        JdbcTemplate database = ledger.embeddedDatabaseAsOperator(dataDirectory);
        List<String> stored = database.queryForList(
                "select aggregate_identifier from domain_event_entry where aggregate_identifier like 'crash-%'",
                String.class);
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(new ArrayList<>(database.queryForList(
                        "select kpi_id from kpi_version where upper_inf(valid) and kpi_id like 'crash-%'", String.class)))
                        .containsExactlyInAnyOrderElementsOf(stored));
        assertThat(ledger.http().get("/api/v1/kpis/" + acknowledged.iterator().next()).status()).isEqualTo(200);
    }

}
