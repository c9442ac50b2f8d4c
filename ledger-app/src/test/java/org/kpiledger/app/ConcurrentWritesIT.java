package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Two writers to one KPI at the same moment: exactly one wins, the other is told so, and the ledger holds one
 * event, never two. Shown within one process, and across two command-side processes started from the built jar
and sharing PostgreSQL.
 */
class ConcurrentWritesIT {

    private static final int ROUNDS = 8;
    private static LedgerProcesses processes;
    private static LedgerHttp planner;
    private static LedgerHttp sato;
    private static LedgerHttp suzuki;
    private static LedgerHttp satoOnA;
    private static LedgerHttp suzukiOnB;

    /** Two staff members of one department, each signed in as themselves, race each other. */
    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        LedgerHttp admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        planner = admin.createUser("tanaka", null, "PLANNER");
        sato = admin.createUser("sato", "sangyo", "STAFF");
        suzuki = admin.createUser("suzuki", "sangyo", "STAFF");
        satoOnA = processes.launch(LaunchedJar.builtJar("command-side.jar")).http()
                .as("sato", LedgerHttp.passwordOf("sato"));
        suzukiOnB = processes.launch(LaunchedJar.builtJar("command-side.jar")).http()
                .as("suzuki", LedgerHttp.passwordOf("suzuki"));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void twoActualsForTheSameYearInOneProcessLeaveOneEvent() {
        assertOneActualWinsEachRound("same-process", sato, suzuki);
    }

    @Test
    void twoActualsForTheSameYearInTwoProcessesLeaveOneEvent() {
        assertOneActualWinsEachRound("two-processes", satoOnA, suzukiOnB);
    }

    @Test
    void twoCorrectionsAgainstTheSameVersionInTwoProcessesLeaveOneEvent() {
        String kpi = "corrections";
        assertThat(planner.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        assertThat(satoOnA.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015, 9)).status()).isEqualTo(201);

        for (int round = 0; round < ROUNDS; round++) {
            long version = 2 + round; // registered, assigned to sangyo, its FY2015 actual recorded: version 2
            long eventsBefore = processes.eventCount();
            String ifMatch = "\"" + version + "\"";
            List<Reply> replies = race(
                    http -> http.put("/api/v1/kpis/" + kpi + "/actuals/2015",
                            correctActual(100 + 2 * version, "writer A"), "If-Match", ifMatch),
                    http -> http.put("/api/v1/kpis/" + kpi + "/actuals/2015",
                            correctActual(101 + 2 * version, "writer B"), "If-Match", ifMatch));

            assertThat(replies).extracting(Reply::status).containsOnlyOnce(200);
            Reply loser = replies.stream().filter(reply -> reply.status() != 200).findFirst().orElseThrow();
            assertThat(loser.status()).isIn(409, 412);
            assertThat(loser.problemCode()).isIn("STALE_VERSION", "CONCURRENT_MODIFICATION");
            assertThat(processes.eventCount()).isEqualTo(eventsBefore + 1);
        }
    }

    /**
     * Issue 23: behind a load balancer, one KPI's writes alternate between the command sides. Each process keeps the
     * KPIs it loaded; a KPI the other process has written since is read again, never decided on as it was, so every
     * write that is not concurrent succeeds and every correction's {@code If-Match} is checked against the stored
     * version.
     */
    @Test
    void writesTakingTurnsThroughTwoProcessesEachSucceed() {
        String kpi = "turns";
        assertThat(planner.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        List<LedgerHttp> turns = List.of(satoOnA, suzukiOnB);
        for (int round = 0; round < ROUNDS; round++) {
            LedgerHttp http = turns.get(round % 2);
            Reply recorded = http.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015 + round, 10));
            assertThat(recorded.status()).as("round %d: %s", round, recorded.body()).isEqualTo(201);
            Reply corrected = turns.get((round + 1) % 2).put("/api/v1/kpis/" + kpi + "/actuals/" + (2015 + round),
                    correctActual(11, "転記誤り"), "If-Match", recorded.etag().orElseThrow());
            assertThat(corrected.status()).as("round %d: %s", round, corrected.body()).isEqualTo(200);
            Reply stale = http.put("/api/v1/kpis/" + kpi + "/actuals/" + (2015 + round),
                    correctActual(12, "再訂正"), "If-Match", recorded.etag().orElseThrow());
            assertThat(stale.status()).as("the version the other process wrote over is refused").isEqualTo(412);
        }
    }

    private void assertOneActualWinsEachRound(String kpi, LedgerHttp first, LedgerHttp second) {
        assertThat(planner.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        for (int round = 0; round < ROUNDS; round++) {
            int fiscalYear = 2015 + round;
            long eventsBefore = processes.eventCount();
            String path = "/api/v1/kpis/" + kpi + "/actuals";
            List<Reply> replies = raceOn(first, second,
                    http -> http.post(path, recordActual(fiscalYear, 10)),
                    http -> http.post(path, recordActual(fiscalYear, 11)));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(201, 409);
            Reply loser = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
            assertThat(loser.problemCode()).isIn("ACTUAL_ALREADY_RECORDED", "CONCURRENT_MODIFICATION");
            assertThat(processes.eventCount()).isEqualTo(eventsBefore + 1);
        }
    }

    private List<Reply> race(Function<LedgerHttp, Reply> writerA, Function<LedgerHttp, Reply> writerB) {
        return raceOn(satoOnA, suzukiOnB, writerA, writerB);
    }

    /** Releases both writers at the same instant, each against its own process. */
    private static List<Reply> raceOn(LedgerHttp processA, LedgerHttp processB,
                                      Function<LedgerHttp, Reply> writerA, Function<LedgerHttp, Reply> writerB) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> writerA.apply(processA)));
        CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> writerB.apply(processB)));
        return List.of(a.join(), b.join());
    }

    private static Reply awaitThen(CyclicBarrier start, java.util.function.Supplier<Reply> write) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return write.get();
    }
}
