package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command side and the query side as separate processes, started from the jars the build produced and sharing
 * nothing but PostgreSQL: what one writes, the other reads by tailing the event store, and neither answers the
 * other's requests.
 */
class SeparateProcessesIT {

    private static LedgerProcesses processes;
    private static LedgerHttp commandSide;
    private static LedgerHttp querySide;
    private static LedgerHttp planner;
    private static LedgerHttp staff;

    /** The accounts live in the shared database: created through one process, they sign in at the other. */
    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        commandSide = processes.launch(LaunchedJar.builtJar("command-side.jar")).http();
        querySide = processes.launch(LaunchedJar.builtJar("query-side.jar")).http();
        LedgerHttp admin = querySide.as("admin", LedgerProcesses.ADMIN_PASSWORD);
        admin.createUser("tanaka", null, "PLANNER");
        admin.createUser("sato", "sangyo", "STAFF");
        planner = commandSide.as("tanaka", LedgerHttp.passwordOf("tanaka"));
        staff = commandSide.as("sato", LedgerHttp.passwordOf("sato"));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void theQuerySideShowsWhatTheCommandSideWrote() {
        assertThat(planner.post("/api/v1/kpis", registerStartups("1-1-1-01", "sangyo")).status()).isEqualTo(201);
        assertThat(staff.post("/api/v1/kpis/1-1-1-01/actuals", recordActual("H28", 14)).etag()).contains("\"2\"");

        var progress = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> querySide.get("/api/v1/kpis/1-1-1-01"),
                        reply -> reply.status() == 200 && reply.json().path("version").asLong() == 2)
                .json();

        assertThat(progress.path("latestActual").path("fiscalYear").asInt()).isEqualTo(2016);
        assertThat(progress.path("latestActual").path("value").decimalValue()).isEqualByComparingTo("14");
        assertThat(progress.path("latestActual").has("recordedBy")).as("no names for anonymous readers").isFalse();
        assertThat(querySide.as("tanaka", LedgerHttp.passwordOf("tanaka")).get("/api/v1/kpis/1-1-1-01").json()
                .path("latestActual").path("recordedBy").asString()).isEqualTo("sato");
    }

    /**
     * Issue 20: a publication through one command side racing figures written through another. The lock is decided
     * on the KPI's own stream, so no figure of the locked year is stored after the lock, whichever process wrote it.
     */
    @Test
    void aLockRacingAWriteInAnotherProcessLetsNothingInAfterIt() throws Exception {
        LedgerHttp admin = commandSide.as("admin", LedgerProcesses.ADMIN_PASSWORD);
        String catalog = LedgerRequests.oneRowCatalog().replace("1-1-1-01,shinagawa-2015", "race-01,race-2015");
        assertThat(admin.send("POST", "/api/v1/catalogs", catalog.getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(planner.post("/api/v1/strategies/race-2015/periods",
                LedgerHttp.json(Map.of("fiscalYear", 2016, "dueDate", "2017-06-30"))).status()).isEqualTo(201);
        LedgerHttp otherCommandSide = processes.launch(LaunchedJar.builtJar("command-side.jar")).http()
                .as("tanaka", LedgerHttp.passwordOf("tanaka"));

        AtomicBoolean publishing = new AtomicBoolean();
        List<Integer> writes = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int value = 1; value <= 60; value++) {
                writes.add(otherCommandSide.post("/api/v1/strategies/race-2015/periods/2016/figures",
                        LedgerHttp.json(Map.of("figures", List.of(Map.of("kpiId", "race-01", "value", value,
                                "reason", "再集計 " + value))))).status());
                if (value == 10) {
                    publishing.set(true);
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilTrue(publishing);
        LedgerHttp.Reply published = planner.post("/api/v1/strategies/race-2015/periods/2016/publication",
                LedgerHttp.json(Map.of("title", "競合の検証")));
        writer.get(120, TimeUnit.SECONDS);

        assertThat(published.status()).as(published.body()).isIn(201, 409);
        List<Map<String, Object>> stream = processes.database().queryForList("""
                select sequence_number, payload_type, convert_from(payload, 'UTF8') as payload
                from domain_event_entry where aggregate_identifier = 'race-01' order by sequence_number""");
        int lockedAt = -1;
        for (int i = 0; i < stream.size(); i++) {
            String type = (String) stream.get(i).get("payload_type");
            String payload = (String) stream.get(i).get("payload");
            if (type.endsWith("FigureStepTakenEvent") && payload.contains("PUBLISHED")) {
                lockedAt = i;
            } else if (lockedAt >= 0) {
                assertThat(type).as("after the lock at sequence %d: %s", lockedAt, stream.get(i))
                        .doesNotEndWith("ActualCorrectedEvent").doesNotEndWith("ActualRecordedEvent");
            }
        }
        if (published.status() == 201) {
            assertThat(lockedAt).as("the publication locked the KPI").isPositive();
            assertThat(writes).as("writes after the lock were refused").contains(422);
        }
        assertThat(writes).as("each write stored whole or was refused: %s", writes).allMatch(status ->
                status == 200 || status == 409 || status == 422);
    }

    @Test
    void eachSideServesOnlyItsOwnHalfOfTheApiAndTheOtherHalfHasNoRuleThere() {
        assertThat(commandSide.get("/api/v1/kpis").status()).isEqualTo(401);
        LedgerHttp.Reply readOnTheCommandSide = commandSide.as("tanaka", LedgerHttp.passwordOf("tanaka")).get("/api/v1/kpis");
        LedgerHttp.Reply writeOnTheQuerySide = querySide.as("tanaka", LedgerHttp.passwordOf("tanaka"))
                .post("/api/v1/kpis", registerStartups("1-1-2-01"));

        assertThat(readOnTheCommandSide.status()).isEqualTo(403);
        assertThat(readOnTheCommandSide.json().path("reason").asString()).isEqualTo("NO_RULE");
        assertThat(writeOnTheQuerySide.status()).isEqualTo(403);
        assertThat(writeOnTheQuerySide.json().path("reason").asString()).isEqualTo("NO_RULE");
    }

    @Test
    void theQuerySideServesTheDashboardAndTheCommandSideTheEntryForm() {
        assertThat(planner.post("/api/v1/kpis", registerStartups("1-1-3-01", "sangyo")).status()).isEqualTo(201);

        var overview = querySide.get("/", "Accept", "text/html");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("総合戦略の進捗");
        var form = staff.get("/entry/kpis/1-1-3-01", "Accept", "text/html");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"entry-form\"", "name=\"version\" value=\"1\"");
        assertThat(commandSide.as("sato", LedgerHttp.passwordOf("sato")).get("/", "Accept", "text/html").status())
                .as("the command side has no overview: no rule opens it there").isEqualTo(403);
        assertThat(querySide.as("sato", LedgerHttp.passwordOf("sato")).get("/entry/kpis/1-1-3-01", "Accept",
                "text/html").status()).isEqualTo(403);
    }

    /**
     * The matrix of {@code AuthorizationMatrixIT} runs on the one-process ledger; here each process of its own: every
     * handler mapping it reports (API, pages, actuator) is called by a signed-in planner, and none is refused for
     * want of a rule in that process's table. Bodies are empty, so nothing is written.
     */
    @Test
    void everyHandlerMappingOfEachProcessHasARuleInThatProcess() {
        for (var side : List.of(commandSide, querySide)) {
            var admin = side.as("admin", LedgerProcesses.ADMIN_PASSWORD);
            var signedIn = side.as("tanaka", LedgerHttp.passwordOf("tanaka"));
            List<String> endpoints = new java.util.ArrayList<>();
            for (var context : admin.get("/actuator/mappings").json().path("contexts").properties()) {
                for (var mapping : context.getValue().path("mappings").path("dispatcherServlets")
                        .path("dispatcherServlet")) {
                    var conditions = mapping.path("details").path("requestMappingConditions");
                    for (var method : conditions.path("methods")) {
                        for (var pattern : conditions.path("patterns")) {
                            endpoints.add(method.asString() + " " + pattern.asString());
                        }
                    }
                }
            }
            List<String> withoutRule = endpoints.stream().filter(endpoint -> {
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x")
                        .replace("/**", "/x");
                LedgerHttp.Reply reply = signedIn.send(method, path, new byte[0], false, "Content-Type",
                        "application/json");
                return reply.status() == 403 && reply.body().contains("NO_RULE");
            }).toList();

            assertThat(endpoints).as("the process's handler mappings").hasSizeGreaterThan(10);
            assertThat(withoutRule).as("mappings no rule of the process's table opens").isEmpty();
        }
    }

    /** Each process builds its access table from its own features: every operation it serves has a rule there. */
    @Test
    void eachSideHasARuleOfItsOwnTableForEveryOperationItServes() {
        for (var side : List.of(commandSide, querySide)) {
            List<String> withoutRule = new java.util.ArrayList<>();
            var paths = side.get("/v3/api-docs").json().path("paths");
            for (var path : paths.properties()) {
                for (var operation : path.getValue().properties()) {
                    if (operation.getValue().path("x-access").asString("NONE").equals("NONE")) {
                        withoutRule.add(operation.getKey() + " " + path.getKey());
                    }
                }
            }
            assertThat(paths.size()).isGreaterThan(5);
            assertThat(withoutRule).isEmpty();
        }
    }

    @Test
    void eachSideDocumentsItsOwnHalfOfTheApiInOpenApi() {
        var commandPaths = commandSide.get("/v3/api-docs").json().path("paths");
        var queryPaths = querySide.get("/v3/api-docs").json().path("paths");

        assertThat(commandPaths.path("/api/v1/kpis").has("post")).isTrue();
        assertThat(commandPaths.path("/api/v1/kpis/{kpiId}/actuals/{fiscalYear}").has("put")).isTrue();
        assertThat(queryPaths.path("/api/v1/kpis").has("get")).isTrue();
        assertThat(queryPaths.path("/api/v1/kpis").has("post")).isFalse();
        assertThat(querySide.get("/swagger-ui/index.html").status()).isEqualTo(200);
        for (var side : List.of(commandSide, querySide)) {
            var schemes = side.get("/v3/api-docs").json().path("components").path("securitySchemes");
            assertThat(schemes.path("basicAuth").path("scheme").asString()).as("for Swagger UI's Authorize")
                    .isEqualTo("basic");
            assertThat(schemes.path("bearerAuth").path("bearerFormat").asString()).isEqualTo("JWT");
        }
    }
}
