package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole slice over real HTTP: register, record, correct, revise and read back; then restart on the same
 * database with the read model dropped, and get the same answers from the events alone.
 */
class LedgerEndToEndIT {

    private static final String KPI = "1-1-1-01";
    private static final String CLERK = "sato@sangyo-shinko";
    private static final String REVIEWER = "yamada@sangyo-shinko";
    private static final String PLANNER = "suzuki@kikaku";
    private static LedgerProcesses processes;

    @BeforeAll
    static void startDatabase() {
        processes = new LedgerProcesses();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        processes.close();
    }

    @Test
    void recordsCorrectsRevisesAndRebuildsTheSameStateFromEventsAfterARestart() {
        ConfigurableApplicationContext ledger = processes.start(LedgerApplication.class);
        LedgerHttp admin = LedgerProcesses.http(ledger);
        LedgerHttp planner = admin.createUser(PLANNER, null, "PLANNER");
        LedgerHttp clerk = admin.createUser(CLERK, "sangyo", "STAFF");
        LedgerHttp reviewer = admin.createUser(REVIEWER, "sangyo", "STAFF");

        Reply registered = planner.post("/api/v1/kpis", registerStartups(KPI, "sangyo"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.etag()).as("registered, then assigned to sangyo").contains("\"1\"");

        Reply recorded = clerk.post("/api/v1/kpis/" + KPI + "/actuals",
                LedgerHttp.json(Map.of("fiscalYear", "H27", "value", 9, "note", "平成27年度末時点",
                        "evidenceReference", "産業振興課 事業報告 2016-04")),
                "If-Match", "\"1\"", "X-Correlation-Id", "walkthrough-1", "X-Actor", "mallory");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.etag()).contains("\"2\"");

        assertThat(clerk.post("/api/v1/kpis/" + KPI + "/actuals", recordActual(2016, 13)).status()).isEqualTo(201);

        Reply corrected = reviewer.put("/api/v1/kpis/" + KPI + "/actuals/平成27年度",
                correctActual(8, "転出した1事業者を二重計上していた"), "If-Match", "\"3\"");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.etag()).contains("\"4\"");

        Reply revised = planner.put("/api/v1/kpis/" + KPI + "/target",
                reviseTarget("R2", 25, "計画期間を1年延長", "区議会 令和元年第4回定例会 議決"), "If-Match", "\"4\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.etag()).contains("\"5\"");

        JsonNode progress = awaitVersion(clerk, 5);
        assertThat(progress.path("name").asString()).isEqualTo("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数");
        assertThat(progress.path("baseline").path("fiscalYear").asInt()).isEqualTo(2014);
        assertThat(progress.path("baseline").path("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(progress.path("target").path("fiscalYear").asInt()).isEqualTo(2020);
        assertThat(progress.path("target").path("value").decimalValue()).isEqualByComparingTo("25");
        JsonNode fy2015 = progress.path("actuals").get(0);
        assertThat(fy2015.path("fiscalYear").asInt()).isEqualTo(2015);
        assertThat(fy2015.path("value").decimalValue()).isEqualByComparingTo("8");
        assertThat(fy2015.path("recordedBy").asString()).isEqualTo(CLERK);
        assertThat(fy2015.path("corrections").asInt()).isEqualTo(1);
        assertThat(fy2015.path("lastCorrectedBy").asString()).isEqualTo(REVIEWER);
        assertThat(fy2015.path("lastCorrectionReason").asString()).isEqualTo("転出した1事業者を二重計上していた");
        assertThat(progress.path("latestActual").path("fiscalYear").asInt()).isEqualTo(2016);
        assertThat(progress.path("latestActual").path("value").decimalValue()).isEqualByComparingTo("13");
        assertThat(clerk.get("/api/v1/kpis").json().path("kpis").get(0).path("kpiId").asString()).isEqualTo(KPI);

        assertThat(processes.database().queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 2""", String.class, KPI))
                .as("the signed-in user, never the X-Actor header").singleElement(InstanceOfAssertFactories.STRING)
                .contains("\"actor\":\"" + CLERK + "\"", "\"actorDepartment\":\"sangyo\"",
                        "\"actorRoles\":\"STAFF\"", "\"authMethod\":\"HTTP_BASIC\"",
                        "\"correlationId\":\"walkthrough-1\"")
                .doesNotContain("mallory");

        String before = clerk.get("/api/v1/kpis/" + KPI).body();
        processes.stop(ledger);
        processes.database().execute("truncate kpi_version, kpi_actual_version");
        processes.database().execute("delete from token_entry");

        LedgerHttp restarted = LedgerProcesses.http(processes.start(LedgerApplication.class));
        awaitVersion(restarted.as(CLERK, LedgerHttp.passwordOf(CLERK)), 5);
        assertThat(restarted.as(CLERK, LedgerHttp.passwordOf(CLERK)).get("/api/v1/kpis/" + KPI).body())
                .isEqualTo(before);
    }

    static JsonNode awaitVersion(LedgerHttp http, long version) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/" + KPI),
                        reply -> reply.status() == 200 && reply.json().path("version").asLong() == version)
                .json();
    }
}
