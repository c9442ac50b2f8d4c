package org.kpiledger.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, item 1: an event the projection cannot store is parked, not retried forever. Events are written to the
 * event store directly, as a faulty writer or an old release would have; the read model refuses one KPI's row
 * (a constraint this test adds, or a NUL byte PostgreSQL cannot hold).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kpi-ledger.security.admin-password=" + DeadLetterIT.ADMIN_PASSWORD)
class DeadLetterIT {

    static final String ADMIN_PASSWORD = "dead-letter-operator";
    /** The operator endpoints are for administrators; the first start created {@code admin}. */
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void dropTheFault() {
        jdbc.execute("alter table kpi_version drop constraint if exists refuses_blocked_kpi");
    }

    @Test
    void parksWhatItCannotStoreKeepsOtherKpisMovingQueuesTheKpisLaterEventsAndDrainsOnRetryAfterTheFix() {
        jdbc.execute("alter table kpi_version add constraint refuses_blocked_kpi check (kpi_id <> 'blocked')");

        append("blocked", 0, registered("blocked"));
        append("other-1", 0, registered("other-1"));
        awaitVisible("other-1");
        assertThat(get("/api/v1/kpis/blocked").statusCode()).isEqualTo(404);

        append("blocked", 1, new ActualRecordedEvent(new KpiId("blocked"), FiscalYear.of(2015),
                Quantity.of("3", "件"), null, null));
        append("other-2", 0, registered("other-2"));
        awaitVisible("other-2");

        JsonNode letters = json(get("/api/v1/operations/dead-letters")).path("deadLetters");
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).path("kpiId").asString()).isEqualTo("blocked");
        assertThat(letters.get(0).path("eventType").asString()).isEqualTo("KpiRegisteredEvent");
        assertThat(letters.get(0).path("cause").asString()).contains("refuses_blocked_kpi");
        assertThat(letters.get(1).path("eventType").asString()).isEqualTo("ActualRecordedEvent");
        assertThat(letters.get(1).path("state").asString()).startsWith("waiting behind");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).path("status").asString()).as("counted in the background").isEqualTo("DEGRADED");
        });
        assertThat(deadLetterGauge()).isEqualTo(2);

        jdbc.execute("alter table kpi_version drop constraint refuses_blocked_kpi");
        JsonNode retried = null;
        for (JsonNode group : json(post("/api/v1/operations/dead-letters/retry")).path("processingGroups")) {
            if (group.path("processingGroup").asString().equals("kpi-progress")) {
                retried = group;
            }
        }
        assertThat(retried).as("the retry reports on kpi-progress").isNotNull();

        assertThat(retried.path("sequencesDrained").asInt()).isEqualTo(1);
        assertThat(retried.path("deadLettersLeft").asLong()).isZero();
        JsonNode blocked = json(get("/api/v1/kpis/blocked"));
        assertThat(blocked.path("version").asLong()).as("the queued event was applied after the first").isEqualTo(1);
        assertThat(blocked.path("latestActual").path("value").decimalValue()).isEqualByComparingTo("3");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(json(get("/actuator/health")).path("status").asString()).isEqualTo("UP"));
        assertThat(deadLetterGauge()).isZero();
    }

    @Test
    void parksAnEventWithANulBytePostgreSqlCannotStore() {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values ('nul-0', 'nul', 0, 'Kpi', '2026-01-01T00:00:00Z', ?, '1', convert_to(?, 'UTF8'),
                    convert_to('{"actor":"old-release"}', 'UTF8'))""",
                KpiRegisteredEvent.class.getName(), """
                {"kpiId":{"value":"nul"},"name":"a\\u0000b","unit":"件","accumulation":"ANNUAL",
                 "direction":"INCREASE","baseline":{"fiscalYear":{"year":2014},"value":null,"qualifier":null},
                 "target":{"fiscalYear":{"year":2019},"value":{"amount":5,"unit":"件"},"comparator":"AT_LEAST"}}""");
        append("after-nul", 0, registered("after-nul"));

        awaitVisible("after-nul");
        JsonNode letters = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> json(get("/api/v1/operations/dead-letters")).path("deadLetters"),
                        parked -> parked.size() == 2);
        assertThat(letters).as("parked by the progress and by the history projection, each going on")
                .extracting(letter -> letter.path("processingGroup").asString())
                .containsExactlyInAnyOrder("kpi-progress", "ledger-history");
        for (JsonNode letter : letters) {
            assertThat(letter.path("kpiId").asString()).isEqualTo("nul");
            assertThat(letter.path("cause").asString()).as("PostgreSQL refused the NUL")
                    .containsAnyOf("0x00", "unsupported Unicode escape sequence");
        }
        jdbc.update("delete from dead_letter_entry");
    }

    private static KpiRegisteredEvent registered(String kpiId) {
        return new KpiRegisteredEvent(new KpiId(kpiId), "相談件数", "件", Accumulation.ANNUAL, Direction.INCREASE,
                new Baseline(FiscalYear.of(2014), Quantity.of("10", "件"), null),
                new Target(FiscalYear.of(2019), Quantity.of("20", "件"), TargetComparator.AT_LEAST), null);
    }

    private void append(String kpiId, long sequence, KpiEvent event) {
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Kpi", kpiId,
                sequence, event, Map.of(AxonPlatformConfiguration.ACTOR, "clerk"))));
    }

    private void awaitVisible(String kpiId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/kpis/" + kpiId).statusCode() == 200);
    }

    private double deadLetterGauge() {
        return meters.get("kpi_ledger.dead_letters").tag("processingGroup", "kpi-progress").gauge().value();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
