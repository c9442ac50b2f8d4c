package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.kpiledger.integrity.chain.ExportVerifier;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.integrity.chain.StoredEntry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10: the stored history is hash-chained and checkpointed; an auditor verifies it over HTTP and offline from
 * an export, and tampering done in SQL by a superuser, triggers disabled, is detected and named by position.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;
    private static LedgerHttp planner;
    private static LedgerHttp staff;
    private static LedgerHttp auditor;
    private static String export;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class, "--kpi-ledger.integrity.checkpoint-interval=1h");
        admin = LedgerProcesses.http(ledger);
        planner = admin.createUser("tanaka", null, "PLANNER");
        staff = admin.createUser("sato", "sangyo", "STAFF");
        auditor = admin.createUser("kansa", null, "AUDITOR");
        for (String kpi : List.of("int-1", "int-2")) {
            assertThat(planner.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        }
        Reply recorded = staff.post("/api/v1/kpis/int-1/actuals", recordActual("H27", 9));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(staff.post("/api/v1/kpis/int-2/actuals", recordActual(2015, 7)).status()).isEqualTo(201);
        assertThat(staff.put("/api/v1/kpis/int-1/actuals/2015", correctActual(10, "転記誤り"),
                "If-Match", recorded.etag().orElseThrow()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    @Order(1)
    void anAuditorSeesTheHistoryVerifiedWithItsSizeAndHead() {
        Reply verified = auditor.get("/api/v1/integrity");

        assertThat(verified.status()).isEqualTo(200);
        JsonNode report = verified.json();
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(processes.eventCount());
        assertThat(report.path("head").asString()).isEqualTo(storedHead());
        assertThat(report.path("firstMismatch").isNull()).isTrue();
        assertThat(processes.database().queryForObject("select count(*) from event_chain", Long.class))
                .as("every stored event is chained").isEqualTo(processes.eventCount());
        assertThat(staff.get("/api/v1/integrity").status()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/v1/integrity").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theDatabaseRefusesToChangeOrRemoveStoredHistory() {
        for (String statement : List.of("update domain_event_entry set time_stamp = time_stamp",
                "delete from domain_event_entry where global_index = (select max(global_index) from event_chain)",
                "truncate domain_event_entry cascade", "update event_chain set hash = hash",
                "delete from event_chain")) {
            assertThatThrownBy(() -> processes.database().execute(statement)).as(statement)
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        }
        assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aSignedCheckpointCoversTheLogAndProvesAnEventIsInIt() {
        Reply signed = auditor.post("/api/v1/integrity/checkpoints", "");
        assertThat(signed.status()).isEqualTo(201);
        JsonNode checkpoint = signed.json();
        String publicKey = admin.anonymous().get("/api/v1/integrity/public-key").body();

        assertThat(checkpoint.path("size").asLong()).isEqualTo(processes.eventCount());
        SignedCheckpoint note = SignedCheckpoint.parse(checkpoint.path("note").asString());
        assertThat(note.verifiedBy(publicKey)).as("signed by the published key").isTrue();
        assertThat(HEX.formatHex(note.root())).isEqualTo(checkpoint.path("rootHash").asString());
        assertThat(admin.anonymous().get("/api/v1/integrity/checkpoints/latest").json().path("note").asString())
                .isEqualTo(checkpoint.path("note").asString());

        long position = actualRecordedPosition("int-1");
        JsonNode proof = admin.anonymous().get("/api/v1/integrity/proof?position=" + position).json();
        byte[] entryHash = HEX.parseHex(proof.path("entryHash").asString());
        List<byte[]> path = new ArrayList<>();
        proof.path("path").forEach(step -> path.add(HEX.parseHex(step.asString())));
        assertThat(entryHash).isEqualTo(processes.database().queryForObject(
                "select hash from event_chain where global_index = ?", byte[].class, position));
        assertThat(MerkleTree.verifyInclusion(MerkleTree.leaf(entryHash), proof.path("leafIndex").asLong(),
                note.size(), path, note.root())).isTrue();
        assertThat(MerkleTree.verifyInclusion(MerkleTree.leaf(HEX.parseHex(storedHead())),
                proof.path("leafIndex").asLong(), note.size(), path, note.root()))
                .as("another entry's hash in its place").isFalse();

        Reply notANumber = auditor.get("/api/v1/integrity/proof?position=abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.problemField()).isEqualTo("position");
        assertThat(auditor.get("/api/v1/integrity/proof?position=999999").problemCode())
                .isEqualTo("POSITION_NOT_COVERED");
        assertThat(staff.post("/api/v1/integrity/checkpoints", "").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void anExportVerifiesOfflineInItsFlatFormAndOneChangedByteDoesNot(@TempDir Path directory) throws Exception {
        Reply exported = auditor.get("/api/v1/ledger/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/jsonl");
        export = exported.body();
        List<String> lines = export.lines().toList();
        assertThat(lines).hasSize((int) processes.eventCount() + 1);
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"checkpoint\":");
        JsonNode recorded = lines.stream().map(JSON::readTree)
                .filter(line -> line.path("readable").path("type").asString().equals("ActualRecordedEvent"))
                .findFirst().orElseThrow();
        assertThat(recorded.path("scheme").asInt()).isEqualTo(2);
        assertThat(recorded.path("payloadType").asString()).isEqualTo("org.kpiledger.events.kpi.ActualRecordedEvent");
        assertThat(processes.database().queryForObject("select payload from domain_event_entry where global_index = ?",
                byte[].class, recorded.path("position").asLong()))
                .as("the export carries the payload as stored, byte for byte")
                .isEqualTo(Base64.getDecoder().decode(recorded.path("payload").asString()));
        JsonNode readable = recorded.path("readable");
        assertThat(readable.path("payload").path("kpiId").asString()).isEqualTo("int-1");
        assertThat(readable.path("payload").path("fiscalYear").asInt()).isEqualTo(2015);
        assertThat(readable.path("payload").path("value").path("amount").asString()).isEqualTo("9");
        assertThat(readable.path("metadata").path("actor").asString()).isEqualTo("sato");
        assertThat(readable.toString()).doesNotContain("\"measured\"").doesNotContain("{\"value\":\"int-1\"}");

        String publicKey = admin.anonymous().get("/api/v1/integrity/public-key").body();
        assertThat(DocumentedExportVerifier.problemWith(export, publicKey))
                .as("a verifier written from docs/integrity.md alone").isNull();
        Path exportFile = Files.writeString(directory.resolve("ledger.jsonl"), export);
        Path keyFile = Files.writeString(directory.resolve("key.pub"), publicKey);
        assertThat(offline(exportFile, keyFile)).startsWith("0 VERIFIED: " + processes.eventCount() + " entries");

        String changed = withPayloadChanged(export, recorded.path("position").asLong());
        assertThat(changed).isNotEqualTo(export);
        assertThat(DocumentedExportVerifier.problemWith(changed, publicKey)).isEqualTo("position "
                + recorded.path("position").asLong() + " does not hash to its hash");
        ExportVerifier.Result result = ExportVerifier.verify(new BufferedReader(new StringReader(changed)), publicKey);
        assertThat(result.verified()).isFalse();
        assertThat(result.position()).isEqualTo(recorded.path("position").asLong());
        assertThat(offline(Files.writeString(directory.resolve("changed.jsonl"), changed), keyFile))
                .startsWith("1 NOT VERIFIED: line").contains("position " + recorded.path("position").asLong());

        String anotherKey = SignedCheckpoint.verifierKey("kpi-ledger",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertThat(ExportVerifier.verify(new BufferedReader(new StringReader(export)), anotherKey).problem())
                .contains("signature");
    }

    @Test
    @Order(5)
    void anExportImportedIntoAnEmptyStoreReproducesTheHeadAndTheProgress(@TempDir Path directory) throws Exception {
        try (LedgerProcesses restored = new LedgerProcesses()) {
            String[] database = {"--spring.datasource.url=" + restored.jdbcUrl(),
                    "--spring.datasource.username=" + LedgerProcesses.SERVICE_ROLE,
                    "--spring.datasource.password=" + LedgerProcesses.SERVICE_PASSWORD,
                    "--kpi-ledger.security.admin-password=" + LedgerProcesses.ADMIN_PASSWORD};
            Path changed = Files.writeString(directory.resolve("changed.jsonl"),
                    withPayloadChanged(export, actualRecordedPosition("int-1")));
            assertThat(jar(directory, "import", changed.toString(), database))
                    .startsWith("1 ").contains("NOT IMPORTED").contains("head hash");
            assertThat(restored.eventCount()).as("a refused import stores nothing").isZero();

            Path exportFile = Files.writeString(directory.resolve("ledger.jsonl"), export);
            assertThat(jar(directory, "import", exportFile.toString(), database))
                    .startsWith("0 ").contains("IMPORTED: " + processes.eventCount() + " events");
            LedgerHttp copyAdmin = LedgerProcesses.http(restored.start(LedgerApplication.class));
            JsonNode verified = copyAdmin.get("/api/v1/integrity").json();
            assertThat(verified.path("verified").asBoolean()).isTrue();
            assertThat(verified.path("head").asString()).isEqualTo(storedHead());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    copyAdmin.get("/api/v1/kpis/int-1").json().path("actuals"))
                    .isEqualTo(admin.get("/api/v1/kpis/int-1").json().path("actuals")));
            assertThat(jar(directory, "import", exportFile.toString(), database)).startsWith("1 ")
                    .contains("not empty");
        }
    }

    /** A way a superuser alters the stored history, with triggers disabled, and how to put it back. */
    record Tampering(String name, String expectedKind, String sql, List<Long> touched, long expectedPosition) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<String> tamperings() {
        return Stream.of("changed payload", "changed metadata", "changed timestamp", "changed revision",
                "deleted middle event", "deleted last event", "deleted last event and its hash", "swapped events",
                "inserted event");
    }

    /** The tampering of that name, on the history as it stands now (each test adds its acknowledgement to it). */
    private static Tampering tampering(String name) {
        long recorded = actualRecordedPosition("int-1");
        long other = actualRecordedPosition("int-2");
        long last = processes.database().queryForObject("select max(global_index) from domain_event_entry",
                Long.class);
        String asJson = "convert_from(%s, 'UTF8')::jsonb";
        return switch (name) {
            case "changed payload" -> new Tampering(name, "ALTERED", "update domain_event_entry set payload = "
                    + "convert_to(jsonb_set(" + asJson.formatted("payload") + ", '{note}', '\"tampered\"')::text, "
                    + "'UTF8') where global_index = " + recorded, List.of(recorded), recorded);
            case "changed metadata" -> new Tampering(name, "ALTERED", "update domain_event_entry set meta_data = "
                    + "convert_to(jsonb_set(" + asJson.formatted("meta_data") + ", '{actor}', '\"mallory\"')::text, "
                    + "'UTF8') where global_index = " + recorded, List.of(recorded), recorded);
            case "changed timestamp" -> new Tampering(name, "ALTERED", "update domain_event_entry set time_stamp = "
                    + "'2016-01-01T00:00:00Z' where global_index = " + recorded, List.of(recorded), recorded);
            case "changed revision" -> new Tampering(name, "ALTERED", "update domain_event_entry set "
                    + "payload_revision = '2' where global_index = " + recorded, List.of(recorded), recorded);
            case "deleted middle event" -> new Tampering(name, "DELETED", "delete from domain_event_entry where "
                    + "global_index = " + recorded, List.of(recorded), recorded);
            case "deleted last event" -> new Tampering(name, "DELETED", "delete from domain_event_entry where "
                    + "global_index = " + last, List.of(last), last);
            case "deleted last event and its hash" -> new Tampering(name, "TRUNCATED", "delete from "
                    + "domain_event_entry where global_index = " + last + "; delete from event_chain where "
                    + "global_index = " + last, List.of(last), chainSize());
            case "swapped events" -> new Tampering(name, "ALTERED", "update domain_event_entry set global_index = "
                    + "-1 where global_index = " + recorded + "; update domain_event_entry set global_index = "
                    + recorded + " where global_index = " + other + "; update domain_event_entry set global_index = "
                    + other + " where global_index = -1", List.of(recorded, other), Math.min(recorded, other));
            case "inserted event" -> new Tampering(name, "INSERTED", "insert into domain_event_entry (global_index, "
                    + "event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) select " + (last + 100) + ", 'forged', type, "
                    + "aggregate_identifier, sequence_number + 100, time_stamp, payload_type, payload_revision, "
                    + "payload, meta_data from domain_event_entry where global_index = " + recorded,
                    List.of(last + 100), last + 100);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The history is checkpointed first, as the service does within seconds of every write; the break is named by
     * kind and position, stays reported after the rows are put back, and keeps writes refused until an
     * administrator acknowledges it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    @Order(6)
    void tamperingInSqlIsDetectedNamedByPositionAndRefusesWritesUntilAcknowledged(String name) {
        assertThat(auditor.post("/api/v1/integrity/checkpoints", "").status()).isEqualTo(201);
        Tampering tampering = tampering(name);
        tamper(tampering);
        try {
            JsonNode report = auditor.get("/api/v1/integrity").json();
            assertThat(report.path("verified").asBoolean()).isFalse();
            JsonNode first = report.path("firstMismatch");
            assertThat(first.path("kind").asString()).as(first.toString()).isEqualTo(tampering.expectedKind());
            assertThat(first.path("position").asLong()).isEqualTo(tampering.expectedPosition());
        } finally {
            restore(tampering);
        }
        JsonNode putBack = auditor.get("/api/v1/integrity").json();
        assertThat(putBack.path("verified").asBoolean()).as("the history put back verifies again").isTrue();
        assertThat(putBack.path("unacknowledged")).as("and the break stays reported").isNotEmpty();
        assertThat(admin.get("/actuator/health").status()).isEqualTo(503);
        Reply refused = staff.post("/api/v1/kpis/int-2/actuals", recordActual(2030, 1));
        assertThat(refused.problemCode()).isEqualTo("LEDGER_INTEGRITY_BROKEN");

        assertThat(admin.post("/api/v1/integrity/acknowledgements", json(Map.of("reason", "test: " + name)))
                .status()).isEqualTo(201);
        assertThat(auditor.get("/api/v1/integrity").json().path("unacknowledged")).isEmpty();
        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aBreakFoundAtStartStopsWritesAndTurnsHealthDownUntilAnAdministratorAcknowledgesIt() {
        assertThat(staff.post("/api/v1/kpis/int-2/actuals", recordActual(2016, 8)).status()).isEqualTo(201);
        long written = processes.database().queryForObject("select max(global_index) from domain_event_entry",
                Long.class);
        Tampering tampering = new Tampering("changed after the checkpoint", "altered", "update domain_event_entry "
                + "set time_stamp = '2016-01-01T00:00:00Z' where global_index = " + written, List.of(written),
                written);
        tamper(tampering);
        try {
            processes.stop(ledger);
            ledger = processes.start(LedgerApplication.class, "--kpi-ledger.integrity.checkpoint-interval=1h");
            admin = LedgerProcesses.http(ledger);
            planner = admin.as("tanaka", LedgerHttp.passwordOf("tanaka"));
            staff = admin.as("sato", LedgerHttp.passwordOf("sato"));
            auditor = admin.as("kansa", LedgerHttp.passwordOf("kansa"));
            long events = processes.eventCount();

            Reply health = admin.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
            Reply refused = staff.post("/api/v1/kpis/int-2/actuals", recordActual(2017, 9));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.problemCode()).isEqualTo("LEDGER_INTEGRITY_BROKEN");
            assertThat(processes.eventCount()).as("a refused write leaves no event").isEqualTo(events);
            assertThat(staff.post("/api/v1/integrity/acknowledgements", json(Map.of("reason", "x"))).status())
                    .isEqualTo(403);
            Reply noReason = admin.post("/api/v1/integrity/acknowledgements", "{}");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.problemField()).isEqualTo("reason");

            long acknowledgementsBefore = acknowledgements();
            Reply acknowledged = admin.post("/api/v1/integrity/acknowledgements",
                    json(Map.of("reason", "timestamp fixed by hand in the 2026-11 migration; checked against paper")));
            assertThat(acknowledged.status()).isEqualTo(201);
            assertThat(acknowledged.json().get(0).path("position").asLong()).isEqualTo(written);
            assertThat(acknowledgements()).as("the acknowledgement is an event, by its actor")
                    .isEqualTo(acknowledgementsBefore + 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode feed = auditor.get("/api/v1/audit/events?type=IntegrityBreakAcknowledged&limit=500").json()
                        .path("changes");
                assertThat(feed).hasSize((int) acknowledgementsBefore + 1);
                JsonNode newest = feed.get(feed.size() - 1);
                assertThat(newest.path("actor").asString()).isEqualTo("admin");
                assertThat(newest.path("subjectKind").asString()).isEqualTo("LEDGER");
                assertThat(newest.path("to").path("kind").asString()).isEqualTo("ALTERED");
            });
            assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
            assertThat(staff.post("/api/v1/kpis/int-2/actuals", recordActual(2017, 9)).status()).isEqualTo(201);
            JsonNode report = auditor.get("/api/v1/integrity").json();
            assertThat(report.path("verified").asBoolean()).as("the break is still there").isFalse();
            assertThat(report.path("acknowledged").asBoolean()).isTrue();
        } finally {
            restore(tampering);
        }
        assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void writersInTwoProcessesAtOnceNeverForkOrSkipTheChain() throws Exception {
        ConfigurableApplicationContext second = processes.start(LedgerApplication.class);
        List<LedgerHttp> sides = List.of(staff, LedgerProcesses.http(second).as("sato", LedgerHttp.passwordOf("sato")));
        for (int writer = 0; writer < 8; writer++) {
            assertThat(planner.post("/api/v1/kpis", registerStartups("par-" + writer, "sangyo")).status())
                    .isEqualTo(201);
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            LedgerHttp side = sides.get(writer % 2);
            String kpi = "par-" + writer;
            done.add(writers.submit(() -> {
                for (int year = 2015; year <= 2024; year++) {
                    assertThat(side.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(year, year - 2000))
                            .status()).isEqualTo(201);
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();

        JsonNode report = auditor.get("/api/v1/integrity").json();
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(processes.eventCount());
        assertThat(processes.database().queryForObject("select count(*) from event_chain", Long.class))
                .isEqualTo(processes.eventCount());
        assertThat(report.path("head").asString()).isEqualTo(storedHead());
    }

    @Test
    @Order(9)
    void aPublishedReportVerifiesLaterUntilAnEventItCoversIsAltered() {
        LedgerHttp committee = admin.createUser("iinkai", null, "COMMITTEE");
        Reply published = committee.post("/api/v1/publications",
                json(Map.of("title", "令和7年度 効果検証 (committee packet)")));
        assertThat(published.status()).isEqualTo(201);
        JsonNode report = published.json();
        String id = report.path("id").asString();
        assertThat(published.header("Location")).containsExactly("/api/v1/publications/" + id);
        assertThat(report.path("position").asLong()).as("the last event before the publication's own")
                .isEqualTo(processes.database().queryForObject(
                        "select max(global_index) from domain_event_entry where type <> 'Publication'", Long.class));
        assertThat(report.path("checkpointSize").asLong())
                .as("the checkpoint signed just before, covering every event but the publication itself")
                .isEqualTo(processes.eventCount() - 1);
        assertThat(report.path("viewHash").asString()).matches("[0-9a-f]{64}");

        assertThat(staff.post("/api/v1/kpis/int-2/actuals", recordActual(2018, 10)).status())
                .as("a later write").isEqualTo(201);
        JsonNode verified = admin.anonymous().get("/api/v1/publications/" + id + "/verify").json();
        assertThat(verified.path("verified").asBoolean()).as("the view as of its position is unchanged").isTrue();
        assertThat(verified.path("recomputedViewHash").asString()).isEqualTo(report.path("viewHash").asString());

        long recorded = actualRecordedPosition("int-2");
        Tampering tampering = new Tampering("a published figure changed", "altered", "update domain_event_entry "
                + "set payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"amount\":7', "
                + "'\"amount\":70'), 'UTF8') where global_index = " + recorded, List.of(recorded), recorded);
        tamper(tampering);
        try {
            JsonNode broken = admin.anonymous().get("/api/v1/publications/" + id + "/verify").json();
            assertThat(broken.path("verified").asBoolean()).isFalse();
            assertThat(broken.path("recomputedViewHash").asString()).isNotEqualTo(report.path("viewHash").asString());
        } finally {
            restore(tampering);
        }
        assertThat(staff.post("/api/v1/publications", json(Map.of("title", "x"))).status()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/v1/publications/nothing-here/verify").problemCode())
                .isEqualTo("PUBLICATION_NOT_FOUND");
    }

    /** The export with one byte added to the stored payload of the entry at a position (a space after its JSON). */
    private static String withPayloadChanged(String export, long position) {
        return String.join("\n", export.lines().map(line -> {
            JsonNode entry = JSON.readTree(line);
            if (entry.path("position").asLong(-1) != position) {
                return line;
            }
            String payload = entry.path("payload").asString();
            String changed = Base64.getEncoder().encodeToString((new String(Base64.getDecoder().decode(payload),
                    StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
            return line.replace(payload, changed);
        }).toList()) + "\n";
    }

    private static void tamper(Tampering tampering) {
        String positions = String.join(", ", tampering.touched().stream().map(String::valueOf).toList());
        processes.database().execute("set session_replication_role = replica; "
                + "create table tampered_event as select * from domain_event_entry where global_index in ("
                + positions + "); create table tampered_chain as select * from event_chain where global_index in ("
                + positions + "); " + tampering.sql());
    }

    private static void restore(Tampering tampering) {
        String positions = String.join(", ", tampering.touched().stream().map(String::valueOf).toList());
        processes.database().execute("set session_replication_role = replica; "
                + "delete from domain_event_entry where global_index in (" + positions + ") or global_index = -1; "
                + "delete from event_chain where global_index in (" + positions + "); "
                + "insert into domain_event_entry (" + StoredEntry.COLUMNS + ") select " + StoredEntry.COLUMNS
                + " from tampered_event; "
                + "insert into event_chain select * from tampered_chain; "
                + "drop table tampered_event; drop table tampered_chain");
    }

    private static long actualRecordedPosition(String kpi) {
        return processes.database().queryForObject("select min(global_index) from domain_event_entry where "
                + "aggregate_identifier = ? and payload_type like '%ActualRecordedEvent'", Long.class, kpi);
    }

    /** The acknowledgements of breaks stored, each made by the administrator. */
    private static long acknowledgements() {
        return processes.database().queryForObject("select count(*) from domain_event_entry where "
                + "aggregate_identifier = 'ledger' and payload_type like '%IntegrityBreakAcknowledgedEvent' and "
                + "convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = 'admin'", Long.class);
    }

    private static long chainSize() {
        return processes.database().queryForObject("select count(*) from event_chain", Long.class);
    }

    private static String storedHead() {
        return HEX.formatHex(processes.database().queryForObject(
                "select hash from event_chain order by global_index desc limit 1", byte[].class));
    }

    /** Runs the jar's offline verification as an auditor would; answers its exit status and what it printed. */
    private static String offline(Path export, Path key) throws IOException, InterruptedException {
        return jar(export.getParent(), "verify", export.toString(), "--public-key", key.toString());
    }

    /** Runs the built jar with arguments in a directory of its own; answers its exit status and what it printed. */
    private static String jar(Path directory, String command, String file, String... options)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", LEDGER_JAR.toString(), command, file));
        arguments.addAll(List.of(options));
        Process run = new ProcessBuilder(arguments).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return run.exitValue() + " " + output;
    }
}
