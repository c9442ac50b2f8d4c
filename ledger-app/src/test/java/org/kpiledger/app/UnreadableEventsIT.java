package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.integrity.chain.LedgerEntry;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: events this release cannot read, as a newer release would have appended them before being rolled back
 * (properly chained, so the history itself verifies), then this release started again on the store: an unknown type, broken JSON, an unknown revision. Each is
 * parked in the projections' dead-letter queues with its cause, its KPI's later events wait behind it, other KPIs
 * keep moving, a retry of a letter still poisoned leaves one letter, letters survive a restart, and writes to its
 * KPI are refused with {@code EVENT_UNREADABLE} instead of a 500.
 */
class UnreadableEventsIT {

    private static final String RECORDED = "org.kpiledger.events.kpi.ActualRecordedEvent";
    private static final List<String> POISONED = List.of("poison-type", "poison-json", "poison-revision");
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        admin = LedgerProcesses.http(ledger);
        for (String kpi : List.of("poison-type", "poison-json", "poison-revision", "healthy")) {
            assertThat(admin.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void unreadableEventsAreParkedAndOnlyTheirKpisWait() throws SQLException {
        append("poison-type", "org.kpiledger.events.kpi.ActualForecastEvent", "1",
                "{\"kpiId\":{\"value\":\"poison-type\"},\"fiscalYear\":{\"year\":2016}}");
        append("poison-json", RECORDED, "1", "{\"kpiId\":{\"value\":\"poison-json\"},\"fiscalYear\":");
        append("poison-revision", RECORDED, "9", recorded("poison-revision", 2016, 5));
        for (String kpi : POISONED) {
            append(kpi, RECORDED, "1", recorded(kpi, 2017, 7));
        }
        restart();
        assertThat(admin.post("/api/v1/kpis/healthy/actuals", recordActual(2016, 11)).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                admin.get("/api/v1/kpis/healthy").json().path("actuals")).as("other KPIs keep moving").hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lettersByKpi("kpi-progress"))
                .containsExactlyInAnyOrderElementsOf(List.of("poison-type", "poison-type", "poison-json",
                        "poison-json", "poison-revision", "poison-revision")));
        JsonNode letters = admin.get("/api/v1/operations/dead-letters").json().path("deadLetters");
        assertThat(letters.toString()).contains("ActualForecastEvent").contains("unreadable-revision:9");
        for (String kpi : POISONED) {
            assertThat(admin.get("/api/v1/kpis/" + kpi).json().path("actuals"))
                    .as("%s: its later event waits behind the parked one", kpi).isEmpty();
            LedgerHttp.Reply refused = admin.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2018, 1));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.problemCode()).isEqualTo("EVENT_UNREADABLE");
        }

        JsonNode retried = admin.post("/api/v1/operations/dead-letters/retry", "").json();
        assertThat(retried.toString()).contains("deadLettersLeft");
        assertThat(lettersByKpi("kpi-progress")).as("a retry of letters still poisoned leaves them, once each")
                .hasSize(6);

        restart();
        assertThat(lettersByKpi("kpi-progress")).as("the letters survive a restart").hasSize(6);
        assertThat(admin.post("/api/v1/kpis/healthy/actuals", recordActual(2017, 12)).status()).isEqualTo(201);
        JsonNode integrity = admin.createUser("kansa", null, "AUDITOR").get("/api/v1/integrity").json();
        assertThat(integrity.path("verified").asBoolean()).as("the history itself is intact").isTrue();
    }

    /** As after the newer release was rolled back: this release starts on the store the newer one left. */
    private static void restart() {
        processes.stop(ledger);
        ledger = processes.start(LedgerApplication.class);
        admin = LedgerProcesses.http(ledger);
    }

    private static List<String> lettersByKpi(String processingGroup) {
        return processes.database().queryForList("select sequence_identifier from dead_letter_entry "
                + "where processing_group = ? order by sequence_identifier", String.class, processingGroup).stream()
                .map(sequence -> sequence.replaceAll("^.*?(poison-[a-z]+).*$", "$1")).toList();
    }

    private static String recorded(String kpi, int fiscalYear, int value) {
        return "{\"kpiId\":{\"value\":\"" + kpi + "\"},\"fiscalYear\":{\"year\":" + fiscalYear + "},\"value\":"
                + "{\"amount\":" + value + ",\"unit\":\"事業者\"},\"note\":null,\"evidenceReference\":null}";
    }

    /** Appends an event to a KPI's stream as a release does: under the chain's lock, chained as stored. */
    private static void append(String kpi, String type, String revision, String payload) throws SQLException {
        try (Connection connection = processes.database().getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            HashChainingStorageEngine.lockChains(connection, List.of(LedgerProcesses.DEFAULT_TENANT));
            long sequence;
            try (PreparedStatement last = connection.prepareStatement(
                    "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")) {
                last.setString(1, kpi);
                ResultSet row = last.executeQuery();
                row.next();
                sequence = row.getLong(1) + 1;
            }
            String identifier = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry "
                    + "(event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) values (?, 'Kpi', ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, identifier);
                insert.setString(2, kpi);
                insert.setLong(3, sequence);
                insert.setString(4, LedgerEntry.timestamp(Instant.now()));
                insert.setString(5, type);
                insert.setString(6, revision);
                insert.setBytes(7, payload.getBytes(StandardCharsets.UTF_8));
                insert.setBytes(8, "{\"actor\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
            HashChainingStorageEngine.chain(connection, new String[] {identifier});
            connection.commit();
        }
    }
}
