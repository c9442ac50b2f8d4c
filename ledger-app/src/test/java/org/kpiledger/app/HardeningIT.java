package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerHttp.utf8Header;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;

/** What the hardening of the edge must still let through, and stored exactly as meant. */
class HardeningIT {

    private static LedgerProcesses processes;
    private static LedgerHttp http;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        http = LedgerProcesses.http(processes.start(LedgerApplication.class));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void recordsTheSignedInUserAndNeverAnActorNamedInAHeader() {
        var reply = http.raw("POST", "/api/v1/kpis", registerStartups("actor-header"),
                "X-Actor: " + utf8Header("佐藤 花子"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(processes.database().queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, "actor-header")).contains("\"actor\":\"admin\"").doesNotContain("佐藤");
    }

    @Test
    void storesTextInItsCanonicalComposedForm() {
        String decomposed = "\u30AB\u3099イド\u30D5\u3099ック";
        String body = registerStartups("nfc").replace("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数", decomposed);

        assertThat(http.post("/api/v1/kpis", body).status()).isEqualTo(201);

        assertThat(await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/nfc"), reply -> reply.status() == 200)
                .json().path("name").asString()).isEqualTo("ガイドブック");
    }

    @Test
    void acceptsLineBreaksAndTabsInANoteAndAnswersAnyClientThatAcceptsJson() {
        assertThat(http.post("/api/v1/kpis", registerStartups("multi-line"), "Accept", "*/*").status())
                .isEqualTo(201);

        var reply = http.post("/api/v1/kpis/multi-line/actuals",
                json(Map.of("fiscalYear", "H27", "value", 9, "note", "年度末時点\n\t転出1件を含む")),
                "Accept", "application/problem+json, application/json;q=0.5");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/multi-line").json(), view -> view.path("version").asLong() == 1)
                .path("latestActual").path("note").asString()).isEqualTo("年度末時点\n\t転出1件を含む");
    }

    /**
     * Issue 6, item 9, as issue 22's appender changed it: a write refused for its stream takes no position (the
     * appender checks the stream under the chain's lock before it inserts), and the next write is read at once.
     */
    @Test
    void aRefusedWriteTakesNoPositionAndTheNextWriteIsReadAtOnce() {
        assertThat(http.post("/api/v1/kpis", registerStartups("gap-1")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/kpis", registerStartups("gap-1")).problemCode())
                .isEqualTo("KPI_ALREADY_REGISTERED");
        assertThat(http.post("/api/v1/kpis", registerStartups("gap-2")).status()).isEqualTo(201);

        List<Long> positions = processes.database().queryForList(
                "select global_index from domain_event_entry where aggregate_identifier in ('gap-1', 'gap-2') "
                        + "order by global_index", Long.class);
        assertThat(positions).hasSize(2);
        assertThat(positions.get(1) - positions.get(0)).as("the refused write took no position").isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/gap-2").status() == 200);
        assertThat(http.post("/api/v1/kpis/gap-2/actuals", recordActual(2015, 7)).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/gap-2").json().path("version").asLong() == 1);
    }
}
