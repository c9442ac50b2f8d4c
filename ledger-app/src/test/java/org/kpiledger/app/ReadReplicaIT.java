package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Issue 23: the published reads answered from a streaming replica of PostgreSQL, a real hot standby fed by the
 * primary's write-ahead log. Its replay is paused to tell which database answered: a read the replica answers shows
 * the state it replayed, a read with {@code minPosition} waits for the replica, and the rest (writes, sign-in, the
 * audit feed) stays on the primary.
 */
class ReadReplicaIT {

    private static LedgerProcesses processes;
    private static StreamingReplica replica;
    private static LedgerHttp admin;

    @BeforeAll
    static void startOnAPrimaryWithAReplica() {
        processes = new LedgerProcesses();
        replica = StreamingReplica.of(processes.database().getDataSource(), processes.databasePort());
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.read-replica.url=" + replica.jdbcUrl(), "--kpi-ledger.min-position-wait=2s"));
    }

    @AfterEach
    void replayAgain() {
        replica.database().execute("select pg_wal_replay_resume()");
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
        replica.close();
    }

    @Test
    void thePublishedReadsShowWhatTheReplicaReplayedAndMinPositionWaitsForIt() {
        assertThat(admin.post("/api/v1/kpis", registerStartups("replica-1", "sangyo")).status()).isEqualTo(201);
        long first = admin.post("/api/v1/kpis/replica-1/actuals", recordActual(2015, 3)).json().path("position")
                .asLong();
        Reply caughtUp = admin.get("/api/v1/kpis/replica-1?minPosition=" + first);
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
        assertThat(caughtUp.json().path("latestActual").path("value").decimalValue()).isEqualByComparingTo("3");

        replica.database().execute("select pg_wal_replay_pause()");
        Reply written = admin.post("/api/v1/kpis/replica-1/actuals", recordActual(2016, 5));
        assertThat(written.status()).as("writes go to the primary while the replica stands still").isEqualTo(201);
        long second = written.json().path("position").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/kpis/replica-1/history").json()
                .findValuesAsString("fiscalYear").contains("2016"));

        Reply stale = admin.get("/api/v1/kpis/replica-1");
        Reply waited = admin.get("/api/v1/kpis/replica-1?minPosition=" + second);
        Reply page = admin.anonymous().get("/kpis/replica-1");

        assertThat(stale.json().path("latestActual").path("value").decimalValue())
                .as("the primary's read model has FY2016; the replica has not replayed it").isEqualByComparingTo("3");
        assertThat(page.status()).isEqualTo(200);
        assertThat(waited.status()).as("a position the primary answered is waited for, never 'ahead'")
                .isEqualTo(503);
        assertThat(waited.problemCode()).isEqualTo("PROJECTION_BEHIND");

        replica.database().execute("select pg_wal_replay_resume()");
        Reply fresh = admin.get("/api/v1/kpis/replica-1?minPosition=" + second);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().path("latestActual").path("value").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void anAccountCreatedWhileTheReplicaStandsStillSignsInAtOnce() {
        replica.database().execute("select pg_wal_replay_pause()");
        LedgerHttp hayashi = admin.createUser("hayashi", null, "COMMITTEE");

        Reply overview = hayashi.get("/");

        assertThat(overview.status()).as("the account is read on the primary").isEqualTo(200);
        assertThat(overview.body()).contains("hayashi");
        assertThat(processes.database().queryForObject("select count(*) from user_account where username = "
                + "'hayashi'", Long.class)).isOne();
        assertThat(replica.database().queryForObject("select count(*) from user_account where username = "
                + "'hayashi'", Long.class)).as("and is not on the replica yet").isZero();
    }
}
