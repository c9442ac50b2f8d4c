package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Issue 20: {@code Idempotency-Key} on the single writes, as a client that retries would meet it: the repeat answers
 * the first answer and stores nothing; the key while its first request still runs is refused; a claim whose
 * request never answered (its process died) is let go after a while and the request runs again, safely; keys are
 * per user.
 */
class IdempotencyKeysIT {

    private static LedgerProcesses processes;
    private static LedgerHttp staff;
    private static LedgerHttp otherStaff;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        LedgerHttp admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(admin.post("/api/v1/kpis", registerStartups("keys-01", "sangyo")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/kpis", registerStartups("keys-02", "kosodate")).status()).isEqualTo(201);
        staff = admin.createUser("sato", "sangyo", "STAFF");
        otherStaff = admin.createUser("ito", "kosodate", "STAFF");
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void aRetriedWriteAnswersTheFirstAnswerAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        long before = processes.eventCount();

        Reply first = staff.post("/api/v1/kpis/keys-01/actuals", recordActual(2016, 9), "Idempotency-Key", key);
        Reply retried = staff.post("/api/v1/kpis/keys-01/actuals", recordActual(2016, 9), "Idempotency-Key", key);
        Reply quoted = staff.post("/api/v1/kpis/keys-01/actuals", recordActual(2016, 9), "Idempotency-Key",
                "\"" + key + "\"");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.etag()).isEqualTo(first.etag());
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retried.header("Idempotent-Replayed")).containsExactly("true");
        assertThat(quoted.body()).as("the key as a structured-field string").isEqualTo(first.body());
        assertThat(processes.eventCount()).isEqualTo(before + 1);

        Reply sameKeyOtherUser = otherStaff.post("/api/v1/kpis/keys-02/actuals", recordActual(2016, 3),
                "Idempotency-Key", key);
        assertThat(sameKeyOtherUser.status()).as("keys are each user's own").isEqualTo(201);
        assertThat(sameKeyOtherUser.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aKeyWhoseFirstRequestStillRunsIsRefusedAndOneThatNeverAnsweredIsLetGo() {
        String answered = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        String correction = json(Map.of("value", 7, "reason", "再集計"));
        assertThat(staff.post("/api/v1/kpis/keys-01/actuals", recordActual(2017, 6), "If-Match", "*")
                .status()).isIn(201, 409);
        Reply first = staff.put("/api/v1/kpis/keys-01/actuals/2017", correction, "If-Match", "*",
                "Idempotency-Key", answered);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // the same request, claimed under another key by a first attempt that has not answered yet
        processes.database().update("insert into idempotency_key (tenant_id, principal, idempotency_key, "
                + "fingerprint, created_at) select tenant_id, principal, ?, fingerprint, now() from idempotency_key "
                + "where idempotency_key = ?", running, answered);
        long before = processes.eventCount();

        Reply inUse = staff.put("/api/v1/kpis/keys-01/actuals/2017", correction, "If-Match", "*",
                "Idempotency-Key", running);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.problemCode()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");

        processes.database().update("update idempotency_key set created_at = now() - interval '6 minutes' "
                + "where idempotency_key = ?", running);
        Reply ranAgain = staff.put("/api/v1/kpis/keys-01/actuals/2017", correction, "If-Match", "*",
                "Idempotency-Key", running);
        assertThat(ranAgain.status()).as("run again: the figure is already 7, so nothing changes")
                .isEqualTo(409);
        assertThat(ranAgain.problemCode()).isEqualTo("NOTHING_CHANGED");
        assertThat(processes.eventCount()).isEqualTo(before);
        assertThat(staff.post("/api/v1/kpis/keys-01/actuals", recordActual(2017, 6), "Idempotency-Key",
                "x".repeat(256)).problemCode()).isEqualTo("INVALID_HEADER");
    }
}
