package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Issue 8: every endpoint, called by every kind of user and by nobody, against the answer the README's table of
 * roles promises. Each call works on a KPI of its own (owned by {@code sangyo}, with an actual for FY2015), so
 * that one cell never depends on another; a refusal must leave the event count as it was.
 */
class AuthorizationMatrixIT {

    /** Who calls: nobody, staff of the owning department and of another, and one user for each other role. */
    enum Caller { ANONYMOUS, STAFF, STAFF_OF_ANOTHER_DEPARTMENT, PLANNER, AUDITOR, COMMITTEE, ADMIN }

    private static final AtomicInteger CELLS = new AtomicInteger();

    /**
     * The matrix. Each row: the endpoint, then the status expected for each {@link Caller}, in the enum's order:
     * anonymous, staff, staff of another department, planner, auditor, committee, admin.
     */
    private static final List<Object[]> MATRIX = List.of(
            row("GET progress of every KPI", (h, kpi) -> h.get("/api/v1/kpis"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET progress of one KPI", (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET the strategy tree", (h, kpi) -> h.get("/api/v1/strategies/shinagawa-2015"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET scoring policies", (h, kpi) -> h.get("/api/v1/scoring-policies"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET every KPI as of a date", (h, kpi) -> h.get("/api/v1/kpis?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET one KPI as of a date", (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET the strategy tree as of a date",
                    (h, kpi) -> h.get("/api/v1/strategies/shinagawa-2015?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET the changes between two dates", (h, kpi) -> h.get("/api/v1/changes?from=2015-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET a KPI's change history", (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01/history"),
                    401, 403, 403, 403, 200, 403, 200),
            row("GET the audit feed", (h, kpi) -> h.get("/api/v1/audit/events?limit=5"),
                    401, 403, 403, 403, 200, 403, 200),
            row("POST register a KPI", (h, kpi) -> h.post("/api/v1/kpis", registerStartups(kpi + "-new")),
                    401, 403, 403, 201, 403, 403, 201),
            row("POST record an actual", (h, kpi) -> h.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2016, 12)),
                    401, 201, 403, 403, 403, 403, 201),
            row("PUT correct an actual", (h, kpi) -> h.put("/api/v1/kpis/" + kpi + "/actuals/2015",
                            correctActual(8, "二重計上"), "If-Match", "*"),
                    401, 200, 403, 403, 403, 403, 200),
            row("PUT revise the target", (h, kpi) -> h.put("/api/v1/kpis/" + kpi + "/target",
                            reviseTarget("R2", 25, "延長", "区議会 議決"), "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("PUT place in the strategy", (h, kpi) -> h.put("/api/v1/kpis/" + kpi + "/placement",
                            json(Map.of("planId", "shinagawa-2015", "policyCode", "1-1", "measureNumber", 1)),
                            "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("PUT assign the owning department", (h, kpi) -> h.put("/api/v1/kpis/" + kpi + "/department",
                            json(Map.of("department", "kikaku")), "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("POST adopt a scoring policy", (h, kpi) -> h.post("/api/v1/strategies/shinagawa-2015/scoring-policies",
                            json(Map.of("policyId", "sabc", "version", 1, "effectiveFrom", 1900 + CELLS.get()))),
                    401, 403, 403, 201, 403, 403, 201),
            row("POST import a catalog", (h, kpi) -> h.send("POST", "/api/v1/catalogs",
                            oneRowCatalog().getBytes(StandardCharsets.UTF_8), false, "Content-Type", "text/csv"),
                    401, 403, 403, 200, 403, 403, 200),
            row("GET dead letters", (h, kpi) -> h.get("/api/v1/operations/dead-letters"),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST retry dead letters", (h, kpi) -> h.send("POST", "/api/v1/operations/dead-letters/retry",
                            new byte[0], false),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST create a user", (h, kpi) -> h.post("/api/v1/users", json(Map.of("username", kpi + "-user",
                            "password", "a-password-long-enough", "roles", List.of("COMMITTEE")))),
                    401, 403, 403, 403, 403, 403, 201),
            row("GET users", (h, kpi) -> h.get("/api/v1/users"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET changes to users", (h, kpi) -> h.get("/api/v1/users/changes"),
                    401, 403, 403, 403, 200, 403, 200),
            row("PUT own password, with a wrong current one", (h, kpi) -> h.put("/api/v1/users/me/password",
                            json(Map.of("currentPassword", "not-my-password", "newPassword", "a-new-long-password"))),
                    401, 400, 400, 400, 400, 400, 400),
            row("GET health", (h, kpi) -> h.get("/actuator/health"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET info", (h, kpi) -> h.get("/actuator/info"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET metrics", (h, kpi) -> h.get("/actuator/metrics"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET the OpenAPI document", (h, kpi) -> h.get("/v3/api-docs"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET the dashboard's overview", (h, kpi) -> h.get("/"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET the dashboard's overview as of a date", (h, kpi) -> h.get("/?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET a KPI's page", (h, kpi) -> h.get("/kpis/1-1-1-01"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET a KPI's page as of a date", (h, kpi) -> h.get("/kpis/1-1-1-01?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET the page of changes between two dates", (h, kpi) -> h.get("/changes"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET the audit page", (h, kpi) -> h.get("/audit"),
                    401, 403, 403, 403, 200, 403, 200),
            row("GET the entry form (another department's staff see it without the form)",
                    (h, kpi) -> h.get("/entry/kpis/" + kpi),
                    401, 200, 200, 403, 403, 403, 200));

    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static final Map<Caller, LedgerHttp> CALLERS = new EnumMap<>(Caller.class);

    @BeforeAll
    static void startWithOneUserPerRole() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        awaitRead("1-1-1-01", 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.get("/api/v1/kpis/1-1-1-01/history").status() == 200);
        CALLERS.put(Caller.ANONYMOUS, admin.anonymous());
        CALLERS.put(Caller.STAFF, admin.createUser("sato", "sangyo", "STAFF"));
        CALLERS.put(Caller.STAFF_OF_ANOTHER_DEPARTMENT, admin.createUser("ito", "kosodate", "STAFF"));
        CALLERS.put(Caller.PLANNER, admin.createUser("tanaka", null, "PLANNER"));
        CALLERS.put(Caller.AUDITOR, admin.createUser("kato", null, "AUDITOR"));
        CALLERS.put(Caller.COMMITTEE, admin.createUser("iinkai", null, "COMMITTEE"));
        CALLERS.put(Caller.ADMIN, admin);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    static Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(row[0], caller, row[2 + caller.ordinal()], row[1])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    @SuppressWarnings("unchecked")
    void answersAsTheTableOfRolesSays(String endpoint, Caller caller, int expected, Object call) {
        String kpi = freshKpiOwnedBySangyo();
        long eventsBefore = processes.eventCount();

        Reply reply = ((BiFunction<LedgerHttp, String, Reply>) call).apply(CALLERS.get(caller), kpi);

        assertThat(reply.status()).as("%s as %s: %s", endpoint, caller, reply.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(processes.eventCount()).as("a refusal stores nothing").isEqualTo(eventsBefore);
        }
        if (expected == 401) {
            assertThat(reply.problemCode()).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).anyMatch(challenge -> challenge.startsWith("Basic "));
        }
        if (expected == 403) {
            assertThat(reply.problemCode()).isEqualTo("FORBIDDEN");
            assertThat(reply.json().path("reason").asString()).isIn("MISSING_ROLE", "OTHER_DEPARTMENT");
            assertThat(reply.json().path("detail").asString()).containsAnyOf("needs the role", "owned by sangyo");
        }
        if (expected == 200 && reply.contentType().startsWith("application/json") && endpoint.contains("KPI")
                && caller == Caller.ANONYMOUS) {
            assertThat(reply.body()).as("no names for anonymous readers").doesNotContain("recordedBy");
        }
    }

    @Test
    void namesTheRoleAnEndpointNeeds() {
        Reply refused = CALLERS.get(Caller.STAFF).post("/api/v1/kpis", registerStartups("needs-a-planner"));

        assertThat(refused.json().path("reason").asString()).isEqualTo("MISSING_ROLE");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("This needs the role PLANNER; you have STAFF.");
    }

    @Test
    void requiresASignedInReaderWhenProgressIsNotPublic() {
        LedgerHttp closed = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.security.public-read=false"));

        assertThat(closed.anonymous().get("/api/v1/kpis").status()).isEqualTo(401);
        assertThat(closed.anonymous().get("/api/v1/strategies/shinagawa-2015").status()).isEqualTo(401);
        assertThat(closed.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(closed.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(closed.anonymous().get("/login").status()).isEqualTo(200);
        assertThat(closed.as("iinkai", LedgerHttp.passwordOf("iinkai")).get("/api/v1/kpis").status()).isEqualTo(200);
    }

    @Test
    void showsWhoRecordedAFigureToSignedInUsersOnly() {
        String kpi = freshKpiOwnedBySangyo();
        awaitRead(kpi, 2);

        assertThat(CALLERS.get(Caller.ANONYMOUS).get("/api/v1/kpis/" + kpi).body())
                .doesNotContain("recordedBy", "admin");
        assertThat(CALLERS.get(Caller.COMMITTEE).get("/api/v1/kpis/" + kpi).json()
                .path("latestActual").path("recordedBy").asString()).isEqualTo("admin");
    }

    /** A KPI of its own for one cell: registered for sangyo, with an actual for FY2015. */
    private static String freshKpiOwnedBySangyo() {
        String kpi = "m-" + CELLS.incrementAndGet();
        assertThat(admin.post("/api/v1/kpis", registerStartups(kpi, "sangyo")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2015, 9)).status()).isEqualTo(201);
        return kpi;
    }

    /** Waits until the read side shows the KPI at the given version. */
    private static void awaitRead(String kpi, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.get("/api/v1/kpis/" + kpi), reply -> reply.status() == 200
                        && reply.json().path("version").asLong() == version);
    }

    private static Object[] row(String endpoint, BiFunction<LedgerHttp, String, Reply> call, int... byCaller) {
        assertThat(byCaller).hasSize(Caller.values().length);
        Object[] row = new Object[2 + byCaller.length];
        row[0] = endpoint;
        row[1] = call;
        for (int i = 0; i < byCaller.length; i++) {
            row[2 + i] = byCaller[i];
        }
        return row;
    }

}
