package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23: two command-side and two query-side processes, started from the built jars, on one PostgreSQL, used as
 * a load balancer in front of them would: each KPI registered through one command side and its figure recorded
 * through the other, reads through either query side. Each projection is one segment in Axon's token store, which
 * one query side claims; killed (SIGKILL) under a write load, the other query side claims its segments once their
 * claims time out and goes on from the committed token: every acknowledged write is in every read model exactly
 * once, and a read with {@code minPosition} is answered by either query side. Half the writers write for Sapporo, a
 * second tenant: the two tenants' appends take different chains' locks, so their positions may commit out of
 * order, and still every projection applies every event once and both chains verify.
 */
class ScaledOutIT {

    private static final int WRITERS = 4;
    private static final String SAPPORO = "011002";
    private static final String SAPPORO_PASSWORD = "sapporo-kanrisha-pass-1";
    /** The test's KPI streams as stored, the default tenant's and Sapporo's. */
    private static final String STREAMS = "(aggregate_identifier like 'so-%' or aggregate_identifier like '"
            + SAPPORO + ":so-%')";
    /** KPIs written before the kill, and again after it. */
    private static final int MORE_WRITES = 40;
    private static final List<String> PROJECTIONS = List.of("kpi-progress", "ledger-history", "reporting-cycle",
            "scoring-policies", "strategy");
    private static LedgerProcesses processes;
    private static final List<LedgerHttp> COMMAND_SIDES = new ArrayList<>();
    private static final List<LedgerHttp> SAPPORO_COMMAND_SIDES = new ArrayList<>();
    private static final List<LaunchedJar> QUERY_SIDES = new ArrayList<>();

    /**
     * The two command sides start at the same moment, each told to load the shipped catalog, as a deployment's first
     * start does; then the two query sides.
     */
    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        List<CompletableFuture<LaunchedJar>> starting = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            starting.add(CompletableFuture.supplyAsync(() -> processes.launch(LaunchedJar.builtJar("command-side.jar"),
                    Map.of("KPI_LEDGER_CATALOG", "classpath:catalog/shinagawa-2015.csv"))));
        }
        starting.forEach(side -> COMMAND_SIDES.add(side.join().http().as("admin", LedgerProcesses.ADMIN_PASSWORD)));
        for (int side = 0; side < 2; side++) {
            QUERY_SIDES.add(processes.launch(LaunchedJar.builtJar("query-side.jar")));
        }
        QUERY_SIDES.get(0).http().as("admin", LedgerProcesses.ADMIN_PASSWORD).createUser("fujita", "sangyo", "STAFF");
        assertThat(COMMAND_SIDES.get(0).post("/api/v1/tenants", LedgerHttp.json(Map.of("tenantId", SAPPORO,
                "name", "札幌市", "timeZone", "Asia/Tokyo", "adminPassword", SAPPORO_PASSWORD))).status())
                .isEqualTo(201);
        COMMAND_SIDES.forEach(side -> SAPPORO_COMMAND_SIDES.add(side.anonymous().underTenant(SAPPORO)
                .as("admin", SAPPORO_PASSWORD)));
    }

    @Test
    void commandSidesStartedTogetherLoadTheShippedCatalogOnce() {
        assertThat(processes.database().queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like '%.KpiRegisteredEvent' and not " + STREAMS, Long.class))
                .as("the shipped catalog's KPIs, each registered once").isEqualTo(72);
        assertThat(processes.database().queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like '%.StrategyDefinedEvent'", Long.class)).isOne();
    }

    /**
     * A browser signs in through one command side and records a figure through the other, as a load balancer without
     * sticky sessions would send it: the session, kept in PostgreSQL, is the same in both processes, CSRF token and
     * all, and the event names the browser's user.
     */
    @Test
    void aBrowserSignedInThroughOneCommandSideWritesThroughTheOther() throws Exception {
        assertThat(COMMAND_SIDES.get(0).post("/api/v1/kpis", registerStartups("so-session", "sangyo")).status())
                .isEqualTo(201);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String first = COMMAND_SIDES.get(0).baseUrl();
        String second = COMMAND_SIDES.get(1).baseUrl();

        String loginToken = csrfToken(browser.send(HttpRequest.newBuilder(URI.create(first + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(first + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=fujita&password="
                        + URLEncoder.encode(LedgerHttp.passwordOf("fujita"), StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(loginToken, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        String sessionToken = csrfToken(browser.send(HttpRequest.newBuilder(URI.create(second + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> recorded = browser.send(HttpRequest.newBuilder(
                URI.create(second + "/api/v1/kpis/so-session/actuals")).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", sessionToken).POST(HttpRequest.BodyPublishers.ofString(
                        recordActual(2015, 3))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(loginToken).as("the session's token, not the anonymous one of the login page")
                .isNotEqualTo(sessionToken);
        assertThat(processes.database().queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = 'so-session' order by sequence_number desc limit 1""", String.class))
                .contains("\"actor\":\"fujita\"", "\"authMethod\":\"FORM_LOGIN\"");
        assertThat(processes.database().queryForObject("select count(*) from spring_session where principal_name = "
                + "'fujita'", Long.class)).as("the session is kept in the database").isOne();
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void killingTheQuerySideThatHoldsTheProjectionsLosesNoWriteAndAppliesNoneTwice() throws Exception {
        JdbcTemplate database = processes.database();
        Map<String, String> owners = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> claims(database), claims -> claims.keySet().containsAll(PROJECTIONS)
                        && !claims.containsValue(null));
        LaunchedJar holder = QUERY_SIDES.stream()
                .filter(side -> owners.values().stream().anyMatch(owner -> ownedBy(owner, side))).findFirst()
                .orElseThrow(() -> new AssertionError("no query side holds a projection: " + owners));
        LaunchedJar survivor = QUERY_SIDES.get(1 - QUERY_SIDES.indexOf(holder));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicReference<Written> lastWrite = new AtomicReference<>(new Written(null, "none", 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            int first = writer;
            String tenant = writer % 2 == 0 ? LedgerProcesses.DEFAULT_TENANT : SAPPORO;
            List<LedgerHttp> sides = writer % 2 == 0 ? COMMAND_SIDES : SAPPORO_COMMAND_SIDES;
            writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String kpi = "so-" + first + "-" + n;
                    try {
                        Reply registered = sides.get(n % 2).post("/api/v1/kpis", registerStartups(kpi, "sangyo"));
                        Reply recorded = registered.status() != 201 ? registered : sides.get((n + 1) % 2)
                                .post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015, n));
                        if (recorded.status() == 201) {
                            acknowledged.add(tenant + "/" + kpi);
                            Written written = new Written(tenant, kpi, recorded.json().path("position").asLong());
                            lastWrite.accumulateAndGet(written, (a, b) -> a.position() > b.position() ? a : b);
                        } else {
                            refused.add(kpi + ": " + recorded.status() + " " + recorded.body());
                        }
                    } catch (RuntimeException failed) {
                        refused.add(kpi + ": " + failed);
                        return;
                    }
                }
            });
        }
        awaitMoreWrites(acknowledged, refused);
        assertThat(versionsReadAtMinPosition(lastWrite.get(), QUERY_SIDES)).as("before the kill, both query sides")
                .containsExactly(2L, 2L);
        holder.kill();
        long killedAt = System.nanoTime();
        awaitMoreWrites(acknowledged, refused);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> claims(database).values(), left -> left.stream().allMatch(owner -> ownedBy(owner, survivor)));
        System.out.printf("ScaledOutIT: %d KPIs written; the surviving query side held every projection %.1f s "
                + "after the kill%n", acknowledged.size(), (System.nanoTime() - killedAt) / 1e9);
        assertThat(refused).as("writes refused while a query side died").isEmpty();

        List<Long> actualPositions = database.queryForList("select global_index from domain_event_entry where "
                + STREAMS + " and payload_type like '%.ActualRecordedEvent' order by 1", Long.class);
        assertThat(actualPositions).hasSizeGreaterThanOrEqualTo(acknowledged.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(database.queryForList("select position from kpi_actual_version where kpi_id like 'so-%' "
                        + "order by 1", Long.class)).as("each figure recorded, once").isEqualTo(actualPositions));
        assertThat(database.queryForList("select tenant_id || '/' || kpi_id from kpi_version where kpi_id like 'so-%' "
                + "and upper_inf(valid)", String.class)).as("one current version of each KPI stored, in its tenant")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(database.queryForList("select distinct tenant_id || '/' || "
                        + "regexp_replace(aggregate_identifier, '^[0-9]{6}:', '') from domain_event_entry where "
                        + STREAMS, String.class))
                .containsAll(acknowledged);
        assertThat(database.queryForList("select position from kpi_version where kpi_id like 'so-%'", Long.class))
                .as("no event made two versions").doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(database.queryForList("select position from ledger_change where subject like 'so-%' "
                        + "order by 1", Long.class)).as("each event in the history, once")
                        .isEqualTo(database.queryForList("select global_index from domain_event_entry "
                                + "where " + STREAMS + " order by 1", Long.class)));
        assertThat(database.queryForObject("select count(*) from dead_letter_entry", Long.class)).isZero();

        assertThat(versionsReadAtMinPosition(lastWrite.get(), List.of(survivor))).containsExactly(2L);
        long chained = 0;
        for (LedgerHttp side : List.of(COMMAND_SIDES.get(0), SAPPORO_COMMAND_SIDES.get(1))) {
            Reply verified = side.get("/api/v1/integrity");
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().path("verified").asBoolean()).as(verified.body()).isTrue();
            chained += verified.json().path("events").asLong();
        }
        assertThat(chained).as("every event in its tenant's chain").isEqualTo(processes.eventCount());
    }

    /** Waits while the writers go on, until they have written a few more KPIs (or one of them was refused). */
    private static void awaitMoreWrites(Set<String> acknowledged, ConcurrentLinkedQueue<String> refused) {
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> acknowledged.size() >= before + MORE_WRITES || !refused.isEmpty());
        assertThat(refused).as("writes refused").isEmpty();
    }

    private static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the page: %s", page).isTrue();
        return token.group(1);
    }

    /** Each projection's claim owner ({@code pid@host}, or null when unclaimed), by processor. */
    private static Map<String, String> claims(JdbcTemplate database) {
        Map<String, String> claims = new HashMap<>();
        database.query("select processor_name, owner from token_entry", row -> {
            claims.put(row.getString(1), row.getString(2));
        });
        return claims;
    }

    private static boolean ownedBy(String owner, LaunchedJar side) {
        return owner != null && owner.startsWith(side.pid() + "@");
    }

    /** A tenant's KPI whose figure was recorded, at the position the write answered. */
    private record Written(String tenant, String kpi, long position) {
    }

    /**
     * The version of the KPI each query side answers, asked for it as of the write's position without waiting first:
     * 2 (registered, owned, its figure recorded) when the read waited for the write.
     */
    private static List<Long> versionsReadAtMinPosition(Written write, List<LaunchedJar> sides) {
        assertThat(write.position()).as("a write was acknowledged").isPositive();
        return sides.stream().map(side -> {
            LedgerHttp reader = SAPPORO.equals(write.tenant())
                    ? side.http().underTenant(SAPPORO).as("admin", SAPPORO_PASSWORD)
                    : side.http().as("admin", LedgerProcesses.ADMIN_PASSWORD);
            Reply read = reader.get("/api/v1/kpis/" + write.kpi() + "?minPosition=" + write.position());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            return read.json().path("version").asLong();
        }).toList();
    }
}
