package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9: for random sequences of writes to a KPI (actuals, corrections, target revisions, hand-overs, each of them
 * possibly refused), the ledger as of the instant after the last write equals the ledger now; and rebuilding the
 * temporal tables from the event store gives back the very same rows.
 */
class TemporalModelPropertiesIT {

    private static final AtomicInteger KPIS = new AtomicInteger();
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;
    private static LedgerHttp committee;

    @BeforeContainer
    static void start() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        admin = LedgerProcesses.http(ledger);
        committee = admin.createUser("iinkai", null, "COMMITTEE");
    }

    @AfterContainer
    static void rebuildingGivesTheSameRows() throws Exception {
        try {
            String versions = "select * from kpi_version order by kpi_id, version";
            String actuals = "select * from kpi_actual_version order by kpi_id, fiscal_year, version";
            List<Map<String, Object>> kpisBefore = processes.database().queryForList(versions);
            List<Map<String, Object>> actualsBefore = processes.database().queryForList(actuals);

            StreamingEventProcessor processor = ledger.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("kpi-progress", StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(processes.database().queryForObject("select count(*) from kpi_version", Long.class)).isZero();
            processor.start();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> processes.database().queryForList(versions).size() == kpisBefore.size()
                            && processes.database().queryForList(actuals).size() == actualsBefore.size());
            assertThat(processes.database().queryForList(versions)).isEqualTo(kpisBefore);
            assertThat(processes.database().queryForList(actuals)).isEqualTo(actualsBefore);
        } finally {
            processes.close();
        }
    }

    @Property(tries = 40)
    void theLedgerAsOfTheInstantAfterTheLastWriteIsTheLedgerNow(@ForAll("writes") List<Write> writes) {
        String kpi = "p-" + KPIS.incrementAndGet();
        long position = admin.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).json().path("position").asLong();
        for (Write write : writes) {
            Reply reply = write.sendTo(admin, kpi);
            assertThat(reply.status()).as("%s answered %s", write, reply.body()).isBetween(200, 409);
            if (reply.status() < 300) {
                position = reply.json().path("position").asLong();
            }
        }

        JsonNode now = committee.get("/api/v1/kpis/" + kpi + "?minPosition=" + position).json();
        pause();
        Instant after = Instant.now();
        JsonNode then = committee.get("/api/v1/kpis/" + kpi + "?asOf="
                + URLEncoder.encode(after.toString(), StandardCharsets.UTF_8)).json();

        assertThat(Instant.parse(then.path("asOf").asString())).isEqualTo(after);
        ((ObjectNode) then).remove("asOf");
        assertThat(then).isEqualTo(now);
        assertThat(now.path("position").asLong()).isEqualTo(position);
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<Integer> fiscalYear = Arbitraries.integers().between(2014, 2017);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 40);
        Arbitrary<Write> write = Arbitraries.oneOf(
                fiscalYear.flatMap(year -> value.map(amount -> new Write("record", year, amount))),
                fiscalYear.flatMap(year -> value.map(amount -> new Write("correct", year, amount))),
                Arbitraries.integers().between(2015, 2022).flatMap(year -> value.map(
                        amount -> new Write("revise", year, amount))),
                Arbitraries.of("sangyo", "kikaku").map(department -> new Write("assign:" + department, 0, 0)));
        return write.list().ofMinSize(1).ofMaxSize(10);
    }

    record Write(String kind, int fiscalYear, int value) {

        Reply sendTo(LedgerHttp http, String kpi) {
            String path = "/api/v1/kpis/" + kpi;
            if (kind.equals("record")) {
                return http.post(path + "/actuals", recordActual(fiscalYear, value));
            }
            if (kind.equals("correct")) {
                return http.put(path + "/actuals/" + fiscalYear, correctActual(value, "見直し"), "If-Match", "*");
            }
            if (kind.equals("revise")) {
                return http.put(path + "/target", reviseTarget(fiscalYear, value, "見直し", "議決"), "If-Match", "*");
            }
            return http.put(path + "/department", json(Map.of("department", kind.substring("assign:".length()))),
                    "If-Match", "*");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
