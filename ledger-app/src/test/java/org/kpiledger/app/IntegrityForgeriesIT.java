package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kpiledger.LedgerApplication;
import org.kpiledger.integrity.chain.LedgerEntry;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.integrity.chain.StoredEntry;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the forgeries a database superuser can commit without the signing key, triggers off, each caught and
 * named; the ledger runs with its default checkpoint interval, so a checkpoint follows every write within seconds.
 * After each forgery the rows are put back: the break stays reported and writes stay refused until an administrator
 * acknowledges it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityForgeriesIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> TABLES = List.of("domain_event_entry", "event_chain", "integrity_checkpoint");
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;
    private static LedgerHttp staff;
    private static LedgerHttp auditor;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        signIn();
        LedgerHttp planner = admin.createUser("tanaka", null, "PLANNER");
        admin.createUser("sato", "sangyo", "STAFF");
        admin.createUser("kansa", null, "AUDITOR");
        signIn();
        assertThat(planner.post("/api/v1/kpis", registerStartups("forged-1", "sangyo")).status()).isEqualTo(201);
        assertThat(staff.post("/api/v1/kpis/forged-1/actuals", recordActual(2015, 9)).status()).isEqualTo(201);
    }

    private static void signIn() {
        admin = LedgerProcesses.http(ledger);
        staff = admin.as("sato", LedgerHttp.passwordOf("sato"));
        auditor = admin.as("kansa", LedgerHttp.passwordOf("kansa"));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    /** After each forgery: put back, the break is still reported, writes still refused; then acknowledged. */
    @AfterEach
    void putBackAndAcknowledge() throws SQLException {
        restoreTables();
        assertThat(auditor.get("/api/v1/integrity").json().path("unacknowledged"))
                .as("the break stays reported once the rows are put back").isNotEmpty();
        assertThat(staff.post("/api/v1/kpis/forged-1/actuals", recordActual(2030, 1)).problemCode())
                .isEqualTo("LEDGER_INTEGRITY_BROKEN");
        assertThat(admin.post("/api/v1/integrity/acknowledgements", json(Map.of("reason", "forgery drill")))
                .status()).isEqualTo(201);
        JsonNode report = auditor.get("/api/v1/integrity").json();
        assertThat(report.path("verified").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("unacknowledged")).isEmpty();
    }

    @Test
    @Order(1)
    void aCheckpointCoversEveryWriteWithinSecondsAndTheNewestEventErasedWithItsHashIsCaught() throws SQLException {
        long started = System.nanoTime();
        assertThat(staff.post("/api/v1/kpis/forged-1/actuals", recordActual(2016, 11)).status()).isEqualTo(201);
        long events = processes.eventCount();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                admin.anonymous().get("/api/v1/integrity/checkpoints/latest").json().path("size").asLong() >= events);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("a checkpoint covered the write %d ms after it was sent (default interval)%n", millis);
        assertThat(millis).as("the default checkpoint interval signs within 10 s of a write").isLessThan(10_000);

        saveTables();
        long newest = processes.database().queryForObject("select max(global_index) from domain_event_entry",
                Long.class);
        superuser("delete from domain_event_entry where global_index = " + newest
                + "; delete from event_chain where global_index = " + newest);

        assertThat(kinds(auditor.get("/api/v1/integrity").json())).contains("TRUNCATED");
    }

    @Test
    @Order(2)
    void anEventChangedWithItsHashesRecomputedIsNamedAndNoCheckpointSealsIt() throws SQLException {
        auditor.post("/api/v1/integrity/checkpoints", "");
        saveTables();
        long altered = processes.database().queryForObject("select min(global_index) from domain_event_entry "
                + "where payload_type like '%ActualRecordedEvent'", Long.class);
        superuser("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"amount\":9', '\"amount\":19'), 'UTF8') where global_index = " + altered);
        rechainFrom(altered);

        JsonNode chainRecomputed = auditor.get("/api/v1/integrity").json();
        assertThat(chainRecomputed.path("mismatches").toString())
                .as("every hash agrees with its event again").doesNotContain("ALTERED");
        assertThat(kinds(chainRecomputed)).as("but not with the signed root").contains("REWRITTEN");

        recomputeCheckpointRoots();
        JsonNode rootsRecomputed = auditor.get("/api/v1/integrity").json();
        assertThat(rootsRecomputed.path("verified").asBoolean()).isFalse();
        assertThat(kinds(rootsRecomputed)).as("the roots are not what the signed notes say")
                .contains("CHECKPOINT_FORGED");
        assertThat(auditor.post("/api/v1/integrity/checkpoints", "").problemCode())
                .as("no checkpoint signed over the forgery").isEqualTo("LEDGER_INTEGRITY_BROKEN");
    }

    @Test
    @Order(3)
    void aCorruptedSignatureIsNamed() throws SQLException {
        auditor.post("/api/v1/integrity/checkpoints", "");
        saveTables();
        String note = processes.database().queryForObject(
                "select note from integrity_checkpoint order by size desc limit 1", String.class);
        int inSignature = note.lastIndexOf(' ') + 20;
        String corrupted = note.substring(0, inSignature) + (note.charAt(inSignature) == 'A' ? 'B' : 'A')
                + note.substring(inSignature + 1);
        superuser("update integrity_checkpoint set note = '" + corrupted + "' where note = '" + note + "'");

        JsonNode report = auditor.get("/api/v1/integrity").json();
        assertThat(kinds(report)).contains("CHECKPOINT_FORGED");
        assertThat(report.path("mismatches").toString()).contains("not signed by this ledger's key");
    }

    @Test
    @Order(4)
    void everyCheckpointDeletedIsMissedAlsoAfterARestart() throws SQLException {
        auditor.post("/api/v1/integrity/checkpoints", "");
        saveTables();
        superuser("delete from integrity_checkpoint");

        assertThat(kinds(auditor.get("/api/v1/integrity").json())).contains("CHECKPOINT_MISSING");
        processes.stop(ledger);
        ledger = processes.start(LedgerApplication.class);
        signIn();
        assertThat(admin.get("/actuator/health").status()).isEqualTo(503);
        assertThat(kinds(auditor.get("/api/v1/integrity").json()))
                .as("the newest checkpoint, kept beside the key, names what the database lost")
                .contains("CHECKPOINT_MISSING");
    }

    /**
     * An auditor keeps a checkpoint; later, the log it saw is proven a prefix of the log now (a consistency proof,
     * checked here with RFC 9162's algorithm) and the kept note verifies against the ledger. A note the ledger's key
     * signed over another history (a split view shown to this auditor) is named as inconsistent.
     */
    @Test
    @Order(5)
    void aCheckpointAnAuditorKeptIsProvenAPrefixAndASplitViewIsNamed() throws Exception {
        JsonNode kept = auditor.post("/api/v1/integrity/checkpoints", "").json();
        assertThat(staff.post("/api/v1/kpis/forged-1/actuals", recordActual(2017, 13)).status()).isEqualTo(201);
        JsonNode latest = auditor.post("/api/v1/integrity/checkpoints", "").json();
        assertThat(latest.path("size").asLong()).isGreaterThan(kept.path("size").asLong());

        JsonNode consistency = admin.anonymous().get("/api/v1/integrity/consistency?from="
                + kept.path("size").asLong()).json();
        List<byte[]> path = new ArrayList<>();
        consistency.path("path").forEach(node -> path.add(HEX.parseHex(node.asString())));
        SignedCheckpoint older = SignedCheckpoint.parse(kept.path("note").asString());
        SignedCheckpoint newer = SignedCheckpoint.parse(consistency.path("checkpoint").path("note").asString());
        assertThat(MerkleTree.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), path))
                .as("the log the auditor saw is a prefix of the log now").isTrue();
        assertThat(auditor.get("/api/v1/integrity?checkpoint=" + encode(kept.path("note").asString())).json()
                .path("verified").asBoolean()).isTrue();

        saveTables();
        SignedCheckpoint splitView = signedWithTheLedgersKey(older.size(), MerkleTree.leaf(older.root()));
        JsonNode report = auditor.get("/api/v1/integrity?checkpoint=" + encode(splitView.note())).json();
        assertThat(kinds(report)).containsExactly("CHECKPOINT_INCONSISTENT");
        assertThat(auditor.get("/api/v1/integrity?checkpoint=not-a-note").problemField()).isEqualTo("checkpoint");
    }

    private static String encode(String note) {
        return URLEncoder.encode(note, StandardCharsets.UTF_8);
    }

    /** What only the holder of the key can do: sign any size and root. */
    private static SignedCheckpoint signedWithTheLedgersKey(long size, byte[] root) throws Exception {
        String pem = Files.readString(processes.signingKey());
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        Matcher block = Pattern
                .compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END").matcher(pem);
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            if (block.group(1).equals("PRIVATE KEY")) {
                privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else {
                publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
            }
        }
        return SignedCheckpoint.sign("kpi-ledger", size, root, privateKey, publicKey);
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.path("mismatches").forEach(mismatch -> kinds.add(mismatch.path("kind").asString()));
        return kinds;
    }

    private static void superuser(String statements) throws SQLException {
        try (Connection connection = processes.database().getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica; " + statements);
        }
    }

    private static void saveTables() throws SQLException {
        StringBuilder save = new StringBuilder();
        for (String table : TABLES) {
            save.append("create table saved_").append(table).append(" as select * from ").append(table).append("; ");
        }
        superuser(save.toString());
    }

    private static void restoreTables() throws SQLException {
        StringBuilder restore = new StringBuilder();
        for (String table : TABLES) {
            // domain_event_entry's tenant_id is generated from the stored stream id: it is put back with it
            String columns = table.equals("domain_event_entry") ? StoredEntry.COLUMNS : "*";
            restore.append("delete from ").append(table).append("; insert into ").append(table)
                    .append(columns.equals("*") ? "" : " (" + columns + ")").append(" select ").append(columns)
                    .append(" from saved_").append(table).append("; drop table saved_").append(table).append("; ");
        }
        superuser(restore.toString());
    }

    /** What a forger without the key does next: every hash from the altered event on, recomputed as documented. */
    private static void rechainFrom(long position) throws SQLException {
        try (Connection connection = processes.database().getDataSource().getConnection()) {
            connection.createStatement().execute("set session_replication_role = replica");
            String previous = LedgerEntry.GENESIS;
            try (PreparedStatement before = connection.prepareStatement(
                    "select hash from event_chain where global_index < ? order by global_index desc limit 1")) {
                before.setLong(1, position);
                ResultSet row = before.executeQuery();
                if (row.next()) {
                    previous = HEX.formatHex(row.getBytes(1));
                }
            }
            try (PreparedStatement events = connection.prepareStatement("select " + StoredEntry.COLUMNS
                    + " from domain_event_entry where global_index >= ? order by global_index");
                 PreparedStatement update = connection.prepareStatement(
                         "update event_chain set hash = ? where global_index = ?")) {
                events.setLong(1, position);
                ResultSet row = events.executeQuery();
                while (row.next()) {
                    StoredEntry entry = StoredEntry.of(row, previous);
                    previous = entry.hash();
                    update.setBytes(1, HEX.parseHex(previous));
                    update.setLong(2, entry.position());
                    update.executeUpdate();
                }
            }
        }
    }

    /** ... and every checkpoint's root column set to the root of the recomputed hashes; the notes it cannot sign. */
    private static void recomputeCheckpointRoots() throws SQLException {
        List<byte[]> hashes = processes.database().queryForList(
                "select hash from event_chain order by global_index", byte[].class);
        for (Long size : processes.database().queryForList("select size from integrity_checkpoint", Long.class)) {
            superuser("update integrity_checkpoint set root_hash = decode('"
                    + HEX.formatHex(MerkleTree.rootOfEntries(hashes, size.intValue())) + "', 'hex') where size = "
                    + size);
        }
    }
}
