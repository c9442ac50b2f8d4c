package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.sql.Connection;
import java.sql.Statement;
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
import org.kpiledger.command.CommandSideApplication;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.springframework.context.ConfigurableApplicationContext;

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

    /**
     * Issue 23: two processes of one ledger sign checkpoints in turn (two command sides behind a load balancer). Each
     * goes on verifying from where it was, checking the other's checkpoint against the stored hashes it verified,
     * instead of hashing the whole history again because the newest checkpoint is not its own.
     */
    @Test
    void eachProcessGoesOnVerifyingFromWhereItWasWhileAnotherSignsCheckpoints() throws Exception {
        try (TwoSigners signers = TwoSigners.start()) {
            LedgerProcesses shared = signers.processes();
            LedgerHttp writer = signers.writer();
            IntegrityChain firstChain = signers.first();
            IntegrityChain secondChain = signers.second();

            register(writer, "turn-a", 3);
            assertThat(firstChain.checkpoint(mismatch -> false).verified()).isTrue();
            long verifiedByFirst = shared.eventCount();
            register(writer, "turn-b", 3);
            IntegrityChain.Verification signedBySecond = secondChain.checkpoint(mismatch -> false);
            assertThat(signedBySecond.checkpoint().size()).as("the second process signed the log as it grew")
                    .isEqualTo(shared.eventCount());
            register(writer, "turn-c", 2);

            IntegrityChain.Verification goingOn = firstChain.verifySinceLastVerified();

            assertThat(goingOn.verified()).as(goingOn.mismatches().toString()).isTrue();
            assertThat(goingOn.checkpoint().note()).as("the other's checkpoint was checked").isEqualTo(
                    signedBySecond.checkpoint().note());
            assertThat(goingOn.rehashed()).as("only the events since its own verification were hashed again")
                    .isEqualTo(shared.eventCount() - verifiedByFirst);
            assertThat(goingOn.events()).isEqualTo(shared.eventCount());
        }
    }

    /**
     * A checkpoint the other process signed over a log no longer than what this one has verified (its snapshot was
     * older) is checked against the stored hashes of those entries: an honest one passes without an event hashed
     * again; one whose entries' stored hashes were rewritten since is reported.
     */
    @Test
    void aCheckpointSignedWithinWhatThisProcessVerifiedIsCheckedAgainstTheStoredHashes() throws Exception {
        try (TwoSigners signers = TwoSigners.start()) {
            LedgerProcesses shared = signers.processes();
            LedgerHttp writer = signers.writer();
            IntegrityChain firstChain = signers.first();
            IntegrityChain secondChain = signers.second();

            register(writer, "within-a", 3);
            assertThat(firstChain.verifySinceLastVerified().verified()).isTrue();
            long size = secondChain.checkpoint(mismatch -> false).checkpoint().size();
            assertThat(size).as("signed over what the first process verified").isEqualTo(shared.eventCount());
            IntegrityChain.Verification honest = firstChain.verifySinceLastVerified();
            assertThat(honest.verified()).as(honest.mismatches().toString()).isTrue();
            assertThat(honest.rehashed()).as("no event hashed again").isZero();
            assertThat(honest.checkpoint().size()).isEqualTo(size);

            register(writer, "within-b", 1);
            assertThat(firstChain.verifySinceLastVerified().verified()).isTrue();
            try (Connection connection = shared.database().getDataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica; update event_chain "
                        + "set hash = sha256('rewritten'::bytea) where global_index = "
                        + "(select global_index from event_chain order by global_index offset 2 limit 1)");
            }
            long rewrittenSize = secondChain.checkpoint(mismatch -> false).checkpoint().size();
            IntegrityChain.Verification rewritten = firstChain.verifySinceLastVerified();

            assertThat(rewritten.mismatches()).as("the rewritten hash, in the entries the checkpoint signs")
                    .extracting(IntegrityChain.Mismatch::kind, IntegrityChain.Mismatch::position)
                    .containsExactly(tuple(IntegrityChain.BreakKind.REWRITTEN, rewrittenSize));
        }
    }

    /**
     * A ledger of its own, with two processes that sign checkpoints only when asked: both sides in one, a command side
     * in the other, sharing the database and the signing key.
     */
    private record TwoSigners(LedgerProcesses processes, LedgerHttp writer, IntegrityChain first,
                              IntegrityChain second) implements AutoCloseable {

        static TwoSigners start() {
            LedgerProcesses processes = new LedgerProcesses();
            ConfigurableApplicationContext first = processes.start(LedgerApplication.class,
                    "--kpi-ledger.integrity.checkpoint-interval=1h");
            ConfigurableApplicationContext second = processes.start(CommandSideApplication.class,
                    "--kpi-ledger.integrity.checkpoint-interval=1h");
            return new TwoSigners(processes, LedgerProcesses.http(first), first.getBean(IntegrityChain.class),
                    second.getBean(IntegrityChain.class));
        }

        @Override
        public void close() throws Exception {
            processes.close();
        }
    }

    private static void register(LedgerHttp writer, String prefix, int kpis) {
        for (int kpi = 0; kpi < kpis; kpi++) {
            assertThat(writer.post("/api/v1/kpis", registerStartups(prefix + kpi, "sangyo")).status()).isEqualTo(201);
        }
    }

    private static void expect(Reply reply, int status, ConcurrentLinkedQueue<String> unexpected) {
        if (reply.status() != status) {
            unexpected.add(reply.status() + ": " + reply.body());
        }
    }
}
