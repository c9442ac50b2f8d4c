package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.ACTOR;
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
    private static LedgerHttp ledger;
    private static LedgerHttp commandSideA;
    private static LedgerHttp commandSideB;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ledger = LedgerProcesses.http(processes.start(LedgerApplication.class));
        commandSideA = processes.launch(LaunchedJar.builtJar("command-side.jar")).http();
        commandSideB = processes.launch(LaunchedJar.builtJar("command-side.jar")).http();
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void twoActualsForTheSameYearInOneProcessLeaveOneEvent() {
        assertOneActualWinsEachRound("same-process", ledger, ledger);
    }

    @Test
    void twoActualsForTheSameYearInTwoProcessesLeaveOneEvent() {
        assertOneActualWinsEachRound("two-processes", commandSideA, commandSideB);
    }

    @Test
    void twoCorrectionsAgainstTheSameVersionInTwoProcessesLeaveOneEvent() {
        String kpi = "corrections";
        assertThat(commandSideA.post("/api/v1/kpis", registerStartups(kpi), ACTOR, "setup").status()).isEqualTo(201);
        assertThat(commandSideA.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015, 9), ACTOR, "setup")
                .status()).isEqualTo(201);

        for (int round = 0; round < ROUNDS; round++) {
            long version = 1 + round;
            long eventsBefore = processes.eventCount();
            String ifMatch = "\"" + version + "\"";
            List<Reply> replies = race(
                    http -> http.put("/api/v1/kpis/" + kpi + "/actuals/2015",
                            correctActual(100 + 2 * version, "writer A"), ACTOR, "a", "If-Match", ifMatch),
                    http -> http.put("/api/v1/kpis/" + kpi + "/actuals/2015",
                            correctActual(101 + 2 * version, "writer B"), ACTOR, "b", "If-Match", ifMatch));

            assertThat(replies).extracting(Reply::status).containsOnlyOnce(200);
            Reply loser = replies.stream().filter(reply -> reply.status() != 200).findFirst().orElseThrow();
            assertThat(loser.status()).isIn(409, 412);
            assertThat(loser.problemCode()).isIn("STALE_VERSION", "CONCURRENT_MODIFICATION");
            assertThat(processes.eventCount()).isEqualTo(eventsBefore + 1);
        }
    }

    private void assertOneActualWinsEachRound(String kpi, LedgerHttp first, LedgerHttp second) {
        assertThat(first.post("/api/v1/kpis", registerStartups(kpi), ACTOR, "setup").status()).isEqualTo(201);
        for (int round = 0; round < ROUNDS; round++) {
            int fiscalYear = 2015 + round;
            long eventsBefore = processes.eventCount();
            String path = "/api/v1/kpis/" + kpi + "/actuals";
            List<Reply> replies = raceOn(first, second,
                    http -> http.post(path, recordActual(fiscalYear, 10), ACTOR, "a"),
                    http -> http.post(path, recordActual(fiscalYear, 11), ACTOR, "b"));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(201, 409);
            Reply loser = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
            assertThat(loser.problemCode()).isIn("ACTUAL_ALREADY_RECORDED", "CONCURRENT_MODIFICATION");
            assertThat(processes.eventCount()).isEqualTo(eventsBefore + 1);
        }
    }

    private List<Reply> race(Function<LedgerHttp, Reply> writerA, Function<LedgerHttp, Reply> writerB) {
        return raceOn(commandSideA, commandSideB, writerA, writerB);
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
