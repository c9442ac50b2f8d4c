package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.kpiledger.events.integrity.HashChainSchemeChangedEvent;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.strategy.StrategyEvent;
import org.kpiledger.integrity.chain.ExportVerifier;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18: a store written by an earlier release opens under this one. Each folder under {@code golden/} holds the
 * tables a release's jar wrote through its API ({@code capture.sh}, every event type included) and the views that
 * release showed. The store is restored at that release's schema, the current service started on it: it migrates
 * the schema and the chain, every event reads back through the upcasters, every view is what the old release
 * showed, the history verifies, and a row altered afterwards is still named.
 */
class GoldenStoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TABLES = List.of("user_account", "user_account_change", "domain_event_entry",
            "event_chain", "integrity_checkpoint", "snapshot_event_entry");

    static Stream<Path> releases() throws URISyntaxException, IOException {
        Path golden = Path.of(Objects.requireNonNull(GoldenStoreIT.class.getResource("/golden")).toURI());
        try (Stream<Path> folders = Files.list(golden)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "the store of release {0}")
    @MethodSource("releases")
    void opensReadsTheSameAndVerifies(Path release) throws Exception {
        try (LedgerProcesses processes = new LedgerProcesses()) {
            restore(processes, release);
            // the release's key, which signed its checkpoints, is the ledger's key
            Files.copy(release.resolve("signing-key.pem"), processes.signingKey());
            ConfigurableApplicationContext ledger = processes.start(LedgerApplication.class);
            LedgerHttp auditor = LedgerProcesses.http(ledger).as("kansa", "kansa-audit-2015");
            long restored = lines(release.resolve("tables/domain_event_entry.copy"));

            assertThat(processes.database().queryForList(
                    "select payload_type from domain_event_entry where global_index > ?", String.class, restored))
                    .as("the move to the chain of scheme 2, recorded as the one new event")
                    .containsExactly(HashChainSchemeChangedEvent.class.getName());
            assertThat(processes.database().queryForObject("select count(*) from event_chain_scheme1", Long.class))
                    .as("the chain of scheme 1 kept as it was").isEqualTo(lines(release.resolve("tables/event_chain.copy")));

            everyEventReadsBackThroughTheUpcasters(ledger, restored + 1);
            theViewsAreWhatTheReleaseShowed(auditor, release, restored);

            JsonNode verification = auditor.get("/api/v1/integrity").json();
            assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("events").asLong()).isEqualTo(restored + 1);
            String export = auditor.get("/api/v1/ledger/export").body();
            String publicKey = Files.readString(release.resolve("public-key.txt")).trim();
            ExportVerifier.Result offline = ExportVerifier.verify(new BufferedReader(new StringReader(export)),
                    publicKey);
            assertThat(offline.verified()).as(offline.describe()).isTrue();

            long altered = processes.database().queryForObject("select global_index from domain_event_entry "
                    + "where payload_type like '%ActualCorrectedEvent' limit 1", Long.class);
            processes.database().execute("set session_replication_role = replica; update domain_event_entry set "
                    + "payload = convert_to(replace(convert_from(payload, 'UTF8'), '確定値', '推計値'), 'UTF8') "
                    + "where global_index = " + altered + "; set session_replication_role = origin");
            JsonNode tampered = auditor.get("/api/v1/integrity").json();
            assertThat(tampered.path("verified").asBoolean()).isFalse();
            assertThat(tampered.path("firstMismatch").path("position").asLong()).isEqualTo(altered);
            assertThat(tampered.path("firstMismatch").path("kind").asString()).isEqualTo("ALTERED");
        }
    }

    /** Restores the release's tables into a database migrated to that release's schema, as its jar left it. */
    private static void restore(LedgerProcesses processes, Path release) throws IOException, SQLException {
        String schemaVersion = Files.readString(release.resolve("schema-version.txt")).trim();
        Flyway.configure().dataSource(processes.jdbcUrl(), LedgerProcesses.SERVICE_ROLE,
                        LedgerProcesses.SERVICE_PASSWORD).locations(LedgerProcesses.MIGRATIONS)
                .target(schemaVersion).load().migrate();
        try (Connection connection = processes.database().getDataSource().getConnection()) {
            for (String table : TABLES) {
                try (Reader rows = Files.newBufferedReader(release.resolve("tables/" + table + ".copy"),
                        StandardCharsets.UTF_8)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", rows);
                }
            }
        }
        processes.database().queryForObject("select setval('domain_event_global_index_seq', ?)", Long.class,
                Long.parseLong(Files.readString(release.resolve("tables/global-index.txt")).trim()));
    }

    private static void everyEventReadsBackThroughTheUpcasters(ConfigurableApplicationContext ledger, long count) {
        List<Object> payloads = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = ledger.getBean(EventStore.class).openStream(null)
                .asStream()) {
            events.limit(count).map(EventMessage::getPayload).forEach(payloads::add);
        }
        assertThat(payloads).hasSize((int) count).allSatisfy(payload -> assertThat(payload)
                .isInstanceOfAny(KpiEvent.class, StrategyEvent.class, IntegrityEvent.class));
        assertThat(payloads).filteredOn(IntegrityBreakAcknowledgedEvent.class::isInstance)
                .as("an acknowledgement of revision 1, read as revision 2").isNotEmpty()
                .allSatisfy(acknowledgement -> assertThat(((IntegrityBreakAcknowledgedEvent) acknowledgement).kind())
                        .isNull());
    }

    /** Each view as the release showed it; the audit feed up to the release's last event, the move coming after. */
    private static void theViewsAreWhatTheReleaseShowed(LedgerHttp auditor, Path release, long restored)
            throws IOException {
        List<String> expected = new ArrayList<>();
        try (Stream<Path> views = Files.list(release.resolve("views"))) {
            views.map(view -> view.getFileName().toString()).filter(name -> !name.equals("integrity.json"))
                    .sorted().forEach(expected::add);
        }
        for (String view : expected) {
            JsonNode then = JSON.readTree(Files.readString(release.resolve("views/" + view)));
            String path = pathOf(view);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Reply now = auditor.get(path);
                assertThat(now.status()).as(path).isEqualTo(200);
                JsonNode shown = now.json();
                if (view.equals("audit.json")) {
                    ArrayNode changes = (ArrayNode) shown.path("changes");
                    for (int i = changes.size() - 1; i >= 0; i--) {
                        if (changes.get(i).path("position").asLong() > restored) {
                            changes.remove(i);
                        }
                    }
                    ((ObjectNode) shown).set("horizon", then.path("horizon"));
                }
                withoutFieldsAddedSince(shown);
                assertThat(shown).as("%s as the release showed it", path).isEqualTo(then);
            });
        }
    }

    /**
     * Fields later releases added to the views (the API adds fields, never changes one): the reporting cycle's status
     * of each figure; a KPI's code in its plan, and the target its achievement is judged against (and the original
     * one). Everything the release showed must read the same.
     */
    private static final Set<String> ADDED_SINCE_THE_RELEASE = Set.of("status", "published",
            "changedSincePublication");
    private static final Set<String> ADDED_TO_ACHIEVEMENTS = Set.of("target", "againstOriginalTarget");

    private static void withoutFieldsAddedSince(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(ADDED_SINCE_THE_RELEASE);
            if (object.has("scoringPolicy")) {
                object.remove(ADDED_TO_ACHIEVEMENTS);
            }
            if (object.has("planId") && object.has("policy")) {
                object.remove("code");
            }
        }
        node.forEach(GoldenStoreIT::withoutFieldsAddedSince);
    }

    /** The request each view of {@code capture.sh} answered. */
    private static String pathOf(String view) {
        String name = view.substring(0, view.length() - ".json".length());
        if (name.equals("kpis")) {
            return "/api/v1/kpis?limit=500";
        }
        if (name.equals("audit")) {
            return "/api/v1/audit/events?limit=500";
        }
        if (name.equals("strategy")) {
            return "/api/v1/strategies/shinagawa-2015";
        }
        if (name.startsWith("kpi-")) {
            return "/api/v1/kpis/" + name.substring("kpi-".length());
        }
        return "/api/v1/kpis/" + name.substring("history-".length()) + "/history";
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
