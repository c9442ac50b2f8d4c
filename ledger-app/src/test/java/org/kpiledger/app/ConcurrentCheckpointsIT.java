package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Checkpoints signed at once by the schedule and by requests, while KPIs are written and auditors verify: an honest
 * ledger never reports a break of its own making. A verification whose snapshot was taken before another signed a
 * checkpoint must not take that checkpoint, kept outside the database, for one cut from it (a CI run once saw every
 * later write refused with 503 {@code LEDGER_INTEGRITY_BROKEN} so).
 */
class ConcurrentCheckpointsIT {

    private static final long SECONDS = 8;
    private static LedgerProcesses processes;
    private static LedgerHttp admin;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.integrity.checkpoint-interval=PT0.01S"));
        assertThat(admin.post("/api/v1/kpis", registerStartups("race-first", "sangyo")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void checkpointsSignedAtOnceWhileKpisAreWrittenNeverShowABreak() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(5);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            String prefix = "race-" + writer + "-";
            writers.add(callers.submit(() -> {
                int written = 0;
                while (System.nanoTime() < until && unexpected.isEmpty()) {
                    String kpi = prefix + written;
                    expect(admin.post("/api/v1/kpis", registerStartups(kpi, "sangyo")), 201, unexpected);
                    expect(admin.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015, 9)), 201, unexpected);
                    written++;
                }
                return written;
            }));
        }
        for (int signer = 0; signer < 2; signer++) {
            callers.submit(() -> {
                while (System.nanoTime() < until && unexpected.isEmpty()) {
                    Reply signed = admin.send("POST", "/api/v1/integrity/checkpoints", new byte[0], false);
                    if (signed.status() != 201) {
                        unexpected.add("checkpoint " + signed.status() + ": " + signed.body());
                    }
                }
            });
        }
        callers.submit(() -> {
            while (System.nanoTime() < until && unexpected.isEmpty()) {
                Reply verified = admin.get("/api/v1/integrity");
                if (!verified.json().path("verified").asBoolean()) {
                    unexpected.add("verification: " + verified.body());
                }
            }
        });
        callers.shutdown();
        assertThat(callers.awaitTermination(SECONDS + 60, TimeUnit.SECONDS)).isTrue();

        assertThat(unexpected).as("answers other than success").isEmpty();
        assertThat(writers.get(0).get() + writers.get(1).get()).as("KPIs written").isPositive();
        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
    }

    private static void expect(Reply reply, int status, ConcurrentLinkedQueue<String> unexpected) {
        if (reply.status() != status) {
            unexpected.add(reply.status() + ": " + reply.body());
        }
    }
}
