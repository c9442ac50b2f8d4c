package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the database fails under the zero-setup jar, started as a process, while writers register KPIs and
 * retry on 503 as a well-behaved client does. Whatever happens to PostgreSQL (its postmaster killed, the whole
 * process tree killed, the server paused), no answer is a 500, none takes much longer than the configured timeout,
 * the service comes back without a restart of its own where it can, and afterwards every acknowledged write is
 * stored exactly once and the history verifies.
 */
class DatabaseFaultsIT {

    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");
    private static final int WRITERS = 4;
    /** The configured timeout (4 s) and what an answer may take beyond it: the HTTP round trip, a retry's pause. */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(6);

    @TempDir
    Path dataDirectory;

    @Test
    void thePostmasterKilledIsStartedAgainAndNothingAcknowledgedIsLost() throws Exception {
        try (LaunchedJar ledger = start(); Load load = new Load(ledger)) {
            load.awaitWrites(20);
            long killedAt = System.nanoTime();
            signal("KILL", postmaster());

            await().atMost(Duration.ofSeconds(30)).until(() -> load.statuses().contains(503));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.http().get("/actuator/health").status() == 200);
            System.out.printf("postmaster killed: the service answered again %d ms later, without a restart%n",
                    (System.nanoTime() - killedAt) / 1_000_000);
            int before = load.acknowledged().size();
            load.awaitWrites(before + 20);
            load.stop();

            load.assertNoServerErrorAndNoSlowAnswer();
            assertEveryAcknowledgedWriteStoredOnceAndVerified(ledger, load);
        }
    }

    @Test
    void aPausedDatabaseAnswers503WithinTheTimeoutThenServesAgain() throws Exception {
        try (LaunchedJar ledger = start(); Load load = new Load(ledger)) {
            load.awaitWrites(20);
            List<Long> postgres = postgresProcesses();
            signal("STOP", postgres);
            try {
                long asked = System.nanoTime();
                Reply health = ledger.http().get("/actuator/health");
                long millis = (System.nanoTime() - asked) / 1_000_000;
                System.out.printf("database paused: health answered %d in %d ms%n", health.status(), millis);
                assertThat(health.status()).isEqualTo(503);
                assertThat(millis).isLessThan(LONGEST_ANSWER.toMillis());
                Reply read = ledger.http().as("tanaka", LedgerHttp.passwordOf("tanaka")).get("/api/v1/kpis?limit=5");
                assertThat(read.status()).as(read.body()).isEqualTo(503);
                assertThat(read.problemCode()).isEqualTo("DATABASE_UNAVAILABLE");
                Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - asked) / 1_000_000));
            } finally {
                signal("CONT", postgres);
            }
            long resumed = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.http().get("/actuator/health").status() == 200);
            System.out.printf("database resumed: healthy again %d ms later%n", (System.nanoTime() - resumed) / 1_000_000);
            int before = load.acknowledged().size();
            load.awaitWrites(before + 20);
            load.stop();

            load.assertNoServerErrorAndNoSlowAnswer();
            assertThat(load.statuses()).as("the writers were refused while it was paused").contains(503);
            assertEveryAcknowledgedWriteStoredOnceAndVerified(ledger, load);
        }
    }

    @Test
    void theWholeProcessTreeKilledComesBackWithEveryAcknowledgedWrite() throws Exception {
        Set<String> acknowledged;
        try (LaunchedJar ledger = start(); Load load = new Load(ledger)) {
            load.awaitWrites(30);
            List<Long> postgres = postgresProcesses();
            ledger.kill();
            signal("KILL", postgres);
            load.stop();
            acknowledged = Set.copyOf(load.acknowledged());
            load.assertNoServerErrorAndNoSlowAnswer();
        }
        long started = System.nanoTime();
        try (LaunchedJar ledger = start()) {
            System.out.printf("whole tree killed: the next start was healthy %d ms later%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertStoredOnce(ledger, acknowledged);
            assertVerified(ledger);
        }
    }

    private LaunchedJar start() {
        return LaunchedJar.start(LEDGER_JAR, Map.of("KPI_LEDGER_DATA_DIR", dataDirectory.toString(),
                "KPI_LEDGER_ADMIN_PASSWORD", LedgerProcesses.ADMIN_PASSWORD, "KPI_LEDGER_CATALOG", "none"));
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    /** The postmaster and every process it started (its backends, checkpointer, WAL writer...). */
    private List<Long> postgresProcesses() throws IOException {
        long postmaster = postmaster();
        List<Long> processes = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> processes.add(child.pid()));
        return processes;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        signal(signal, List.of(pid));
    }

    /** Sends a signal to each process; one that has ended meanwhile (a backend done with its work) is passed over. */
    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            if (ProcessHandle.of(pid).isPresent()) {
                new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
            }
        }
    }

    private void assertEveryAcknowledgedWriteStoredOnceAndVerified(LaunchedJar ledger, Load load) {
        assertStoredOnce(ledger, Set.copyOf(load.acknowledged()));
        String last = load.acknowledged().get(load.acknowledged().size() - 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(ledger.http().get("/api/v1/kpis/" + last).status())
                        .as("the projections resumed").isEqualTo(200));
        assertVerified(ledger);
    }

    private void assertStoredOnce(LaunchedJar ledger, Set<String> acknowledged) {
        JdbcTemplate database = ledger.embeddedDatabaseAsOperator(dataDirectory);
        List<String> registered = database.queryForList("select aggregate_identifier from domain_event_entry "
                + "where payload_type like '%KpiRegisteredEvent' and aggregate_identifier like 'fault-%'", String.class);
        assertThat(registered).as("every acknowledged write, once").containsAll(acknowledged).doesNotHaveDuplicates();
        System.out.printf("%d writes acknowledged, %d stored (a write may commit and lose its answer: the "
                + "writer's retry is then refused as a duplicate, or it stopped before retrying)%n",
                acknowledged.size(), registered.size());
    }

    private static void assertVerified(LaunchedJar ledger) {
        LedgerHttp auditor = ledger.http().as("admin", LedgerProcesses.ADMIN_PASSWORD)
                .createUser("kansa" + System.nanoTime() % 100_000, null, "AUDITOR");
        JsonNode integrity = auditor.get("/api/v1/integrity").json();
        assertThat(integrity.path("verified").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.path("unacknowledged")).isEmpty();
    }


    /**
     * Writers registering KPIs, each retrying a write refused with 503 (or whose answer was lost) until it is
     * acknowledged, or refused as already there, which means an earlier try was stored though its answer was lost.
     */
    private static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> acknowledged = new CopyOnWriteArrayList<>();
        private final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        private final List<String> slow = new CopyOnWriteArrayList<>();
        private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

        Load(LaunchedJar ledger) {
            LedgerHttp admin = ledger.http().as("admin", LedgerProcesses.ADMIN_PASSWORD);
            admin.createUser("tanaka", null, "PLANNER");
            LedgerHttp planner = ledger.http().as("tanaka", LedgerHttp.passwordOf("tanaka"));
            for (int writer = 0; writer < WRITERS; writer++) {
                String prefix = "fault-" + System.nanoTime() % 1_000_000 + "-w" + writer + "-";
                writers.submit(() -> write(planner, prefix));
            }
        }

        private void write(LedgerHttp planner, String prefix) {
            for (int n = 0; running.get(); n++) {
                String kpi = prefix + n;
                boolean retry = false;
                while (running.get()) {
                    long sent = System.nanoTime();
                    Reply reply;
                    try {
                        reply = planner.post("/api/v1/kpis", registerStartups(kpi));
                    } catch (UncheckedIOException answerLost) {
                        retry = true;
                        pause();
                        continue;
                    }
                    long millis = (System.nanoTime() - sent) / 1_000_000;
                    statuses.add(reply.status());
                    if (millis > LONGEST_ANSWER.toMillis()) {
                        slow.add(reply.status() + " after " + millis + " ms");
                    }
                    if (reply.status() == 201 || (retry && reply.status() == 409)) {
                        acknowledged.add(kpi);
                        break;
                    }
                    if (reply.status() != 503) {
                        break;
                    }
                    retry = true;
                    pause();
                }
            }
        }

        void awaitWrites(int count) {
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= count);
        }

        List<String> acknowledged() {
            return acknowledged;
        }

        Set<Integer> statuses() {
            return statuses;
        }

        void assertNoServerErrorAndNoSlowAnswer() {
            assertThat(statuses).as("no answer was a server error but 503").allMatch(status -> status < 500
                    || status == 503);
            assertThat(slow).as("answers that took longer than the timeout allows").isEmpty();
        }

        void stop() throws InterruptedException {
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (running.get()) {
                stop();
            }
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
