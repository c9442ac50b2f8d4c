package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessTable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Issues 8 and 19: every endpoint of the code, called by every kind of user and by nobody, against the answer the
 * access table promises, on a ledger that publishes its progress and on one that does not. The endpoints are read
 * from the running application's handler mappings, so a new one without a rule, or without a row here, fails the
 * build. Each call works on a KPI of its own (owned by {@code sangyo}, with an actual for FY2015), so that one cell
 * never depends on another; a refusal must leave the event count as it was.
 */
class AuthorizationMatrixIT {

    /**
     * Who calls: nobody, staff of the owning department and of another, one user for each other role, and an
     * administrator whose account was disabled.
     */
    enum Caller { ANONYMOUS, STAFF, STAFF_OF_ANOTHER_DEPARTMENT, PLANNER, AUDITOR, COMMITTEE, ADMIN, DISABLED }

    private static final AtomicInteger CELLS = new AtomicInteger();
    private static final String PLAN = "/api/v1/strategies/shinagawa-2015";
    /** A fiscal year of the plan no reporting period was opened for: every step past the table answers 404. */
    private static final String UNOPENED_PERIOD = PLAN + "/periods/2018";
    private static final String PAGES = "/entry/periods/shinagawa-2015/2018";
    /** The shipped sabc version 1 sent again as a definition: valid, and refused as taken. */
    private static final String SHIPPED_POLICY_AGAIN = """
            {"id": "sabc", "version": 1, "title": "S / A / B / C",
             "achieved": {"grade": "S", "category": "ACHIEVED"},
             "bands": [{"minShareOfExpected": 0.9, "grade": "A", "category": "ON_TRACK"},
                       {"minShareOfExpected": null, "grade": "C", "category": "BEHIND"}],
             "maintain": {"tolerance": 0.1, "within": {"grade": "A", "category": "ON_TRACK"},
                          "outside": {"grade": "C", "category": "BEHIND"}},
             "notMeasured": {"grade": "-", "category": "NOT_MEASURABLE"},
             "notGradable": {"grade": "-", "category": "NOT_MEASURABLE"}}""";
    private static final String MULTIPART_SHEET = "--matrix\r\nContent-Disposition: form-data; name=\"sheet\"; "
            + "filename=\"sheet.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nnot a workbook\r\n--matrix--\r\n";
    private static final String DECISION = json(Map.of("reason", "廃止", "decisionReference", "議決"));
    /** Each adoption of a scoring policy in the matrix takes effect from a year of its own. */
    private static final AtomicInteger POLICY_YEARS = new AtomicInteger();
    /** A report the committee published, read by the rows of publications. */
    private static String publication;

    /**
     * The matrix. Each row: the endpoint as the code maps it, what the call does, then the status expected for each
     * {@link Caller} but the disabled one, in the enum's order: anonymous, staff, staff of another department,
     * planner, auditor, committee, admin.
     */
    private static final List<Row> MATRIX = List.of(
            row("GET /api/v1/kpis", "progress of every KPI", (h, kpi) -> h.get("/api/v1/kpis"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/kpis", "the effect verification sheet (CSV)", (h, kpi) -> h.get("/api/v1/kpis?format=csv"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/kpis/{kpiId}", "progress of one KPI", (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/strategies/{planId}", "the strategy tree",
                    (h, kpi) -> h.get("/api/v1/strategies/shinagawa-2015"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/scoring-policies", "scoring policies", (h, kpi) -> h.get("/api/v1/scoring-policies"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/kpis", "every KPI as of a date", (h, kpi) -> h.get("/api/v1/kpis?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /api/v1/kpis/{kpiId}", "one KPI as of a date",
                    (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /api/v1/strategies/{planId}", "the strategy tree as of a date",
                    (h, kpi) -> h.get("/api/v1/strategies/shinagawa-2015?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /api/v1/changes", "the changes between two dates", (h, kpi) -> h.get("/api/v1/changes?from=2015-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /api/v1/kpis/{kpiId}/history", "a KPI's change history",
                    (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01/history"),
                    401, 403, 403, 403, 200, 403, 200),
            row("GET /api/v1/audit/events", "the audit feed", (h, kpi) -> h.get("/api/v1/audit/events?limit=5"),
                    401, 403, 403, 403, 200, 403, 200),
            row("POST /api/v1/kpis", "register a KPI", (h, kpi) -> h.post("/api/v1/kpis", registerStartups(kpi + "-new")),
                    401, 403, 403, 201, 403, 403, 201),
            row("POST /api/v1/kpis/{kpiId}/actuals", "record an actual",
                    (h, kpi) -> h.post("/api/v1/kpis/" + kpi + "/actuals", recordActual(2016, 12)),
                    401, 201, 403, 403, 403, 403, 201),
            row("PUT /api/v1/kpis/{kpiId}/actuals/{fiscalYear}", "correct an actual",
                    (h, kpi) -> h.put("/api/v1/kpis/" + kpi + "/actuals/2015", correctActual(8, "二重計上"),
                            "If-Match", "*"),
                    401, 200, 403, 403, 403, 403, 200),
            row("PUT /api/v1/kpis/{kpiId}/target", "revise the target", (h, kpi) -> h.put("/api/v1/kpis/" + kpi
                            + "/target", reviseTarget("R2", 25, "延長", "区議会 議決"), "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("PUT /api/v1/kpis/{kpiId}/placement", "place in the strategy", (h, kpi) -> h.put("/api/v1/kpis/" + kpi
                            + "/placement", json(Map.of("planId", "shinagawa-2015", "policyCode", "1-1",
                            "measureNumber", 1)), "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("PUT /api/v1/kpis/{kpiId}/department", "assign the owning department", (h, kpi) -> h.put(
                            "/api/v1/kpis/" + kpi + "/department", json(Map.of("department", "kikaku")), "If-Match", "*"),
                    401, 403, 403, 200, 403, 403, 200),
            row("POST /api/v1/scoring-policies", "define a scoring policy (a shipped version: refused)",
                    (h, kpi) -> h.post("/api/v1/scoring-policies", SHIPPED_POLICY_AGAIN),
                    401, 403, 403, 409, 403, 403, 409),
            row("POST /api/v1/strategies/{planId}/scoring-policies", "adopt a scoring policy",
                    (h, kpi) -> h.post("/api/v1/strategies/shinagawa-2015/scoring-policies",
                            json(Map.of("policyId", "sabc", "version", 1,
                                    "effectiveFrom", 1900 + POLICY_YEARS.incrementAndGet()))),
                    401, 403, 403, 201, 403, 403, 201),
            row("POST /api/v1/catalogs", "import a catalog", (h, kpi) -> h.send("POST", "/api/v1/catalogs",
                            oneRowCatalog().getBytes(StandardCharsets.UTF_8), false, "Content-Type", "text/csv"),
                    401, 403, 403, 200, 403, 403, 200),
            row("GET /api/v1/integrity", "verify the chain", (h, kpi) -> h.get("/api/v1/integrity"),
                    401, 403, 403, 403, 200, 403, 200),
            row("GET /api/v1/integrity/public-key", "the public key", (h, kpi) -> h.get("/api/v1/integrity/public-key"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/integrity/checkpoints/latest", "the latest checkpoint",
                    (h, kpi) -> h.get("/api/v1/integrity/checkpoints/latest"),
                    200, 200, 200, 200, 200, 200, 200),
            row("POST /api/v1/integrity/checkpoints", "sign a checkpoint",
                    (h, kpi) -> h.send("POST", "/api/v1/integrity/checkpoints", new byte[0], false),
                    401, 403, 403, 403, 201, 403, 201),
            row("GET /api/v1/integrity/proof", "an inclusion proof", (h, kpi) -> h.get("/api/v1/integrity/proof?position=1"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/integrity/consistency", "a consistency proof",
                    (h, kpi) -> h.get("/api/v1/integrity/consistency?from=1"),
                    200, 200, 200, 200, 200, 200, 200),
            row("POST /api/v1/integrity/acknowledgements", "acknowledge the breaks (there are none)",
                    (h, kpi) -> h.post("/api/v1/integrity/acknowledgements", json(Map.of("reason", "確認済み"))),
                    401, 403, 403, 403, 403, 403, 409),
            row("GET /api/v1/ledger/export", "the whole ledger, with actors", (h, kpi) -> h.get("/api/v1/ledger/export"),
                    401, 403, 403, 403, 200, 403, 200),
            row("POST /api/v1/publications", "publish a report",
                    (h, kpi) -> h.post("/api/v1/publications", json(Map.of("title", "効果検証 " + kpi))),
                    401, 403, 403, 403, 403, 201, 201),
            row("GET /api/v1/publications/{id}", "a published report",
                    (h, kpi) -> h.get("/api/v1/publications/" + publication),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/publications/{id}/verify", "a published report verified",
                    (h, kpi) -> h.get("/api/v1/publications/" + publication + "/verify"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/operations/dead-letters", "dead letters",
                    (h, kpi) -> h.get("/api/v1/operations/dead-letters"),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST /api/v1/operations/dead-letters/retry", "retry dead letters",
                    (h, kpi) -> h.send("POST", "/api/v1/operations/dead-letters/retry", new byte[0], false),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST /api/v1/operations/rebuilds", "rebuild a tenant this deployment does not host, as the operator",
                    (h, kpi) -> h.post("/api/v1/operations/rebuilds", json(Map.of("tenantId", "011002"))),
                    401, 403, 403, 403, 403, 403, 404),
            row("GET /api/v1/operations/rebuilds", "the projections replaying a rebuild, as the operator",
                    (h, kpi) -> h.get("/api/v1/operations/rebuilds"),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST /api/v1/users", "create a user", (h, kpi) -> h.post("/api/v1/users", json(Map.of("username",
                            kpi + "-user", "password", "a-password-long-enough", "roles", List.of("COMMITTEE")))),
                    401, 403, 403, 403, 403, 403, 201),
            row("GET /api/v1/users", "users", (h, kpi) -> h.get("/api/v1/users"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /api/v1/users/{username}", "one user", (h, kpi) -> h.get("/api/v1/users/tanaka"),
                    401, 403, 403, 403, 403, 403, 200),
            row("PUT /api/v1/users/{username}/roles", "change a user's roles", (h, kpi) -> h.put(
                            "/api/v1/users/spare/roles", json(Map.of("roles", List.of("COMMITTEE")))),
                    401, 403, 403, 403, 403, 403, 200),
            row("PUT /api/v1/users/{username}/enabled", "enable a user", (h, kpi) -> h.put(
                            "/api/v1/users/spare/enabled", json(Map.of("enabled", true))),
                    401, 403, 403, 403, 403, 403, 200),
            row("PUT /api/v1/users/{username}/password", "set a user's password", (h, kpi) -> h.put(
                            "/api/v1/users/spare/password", json(Map.of("password", "set-by-the-admin-" + kpi))),
                    401, 403, 403, 403, 403, 403, 204),
            row("POST /api/v1/tenants", "create a tenant (a code whose check digit is wrong), as the operator",
                    (h, kpi) -> h.post("/api/v1/tenants", json(Map.of("tenantId", "131092", "name", "品川区",
                            "timeZone", "Asia/Tokyo", "adminPassword", "a-long-kanrisha-pass"))),
                    401, 403, 403, 403, 403, 403, 400),
            row("GET /api/v1/tenants", "the tenants, as the operator", (h, kpi) -> h.get("/api/v1/tenants"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /api/v1/tenants/{tenantId}", "one tenant, as the operator",
                    (h, kpi) -> h.get("/api/v1/tenants/131091"),
                    401, 403, 403, 403, 403, 403, 200),
            row("PUT /api/v1/tenants/{tenantId}/status", "the default tenant kept active, as the operator",
                    (h, kpi) -> h.put("/api/v1/tenants/131091/status", json(Map.of("status", "ACTIVE"))),
                    401, 403, 403, 403, 403, 403, 200),
            row("POST /api/v1/strategies/{planId}/periods", "open a reporting period (a year outside the plan)",
                    (h, kpi) -> h.post(PLAN + "/periods", json(Map.of("fiscalYear", 2030, "dueDate", "2031-06-30"))),
                    401, 403, 403, 400, 403, 403, 400),
            row("GET /api/v1/strategies/{planId}/periods", "the plan's reporting periods",
                    (h, kpi) -> h.get(PLAN + "/periods"),
                    401, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/strategies/{planId}/periods/{fiscalYear}", "a reporting period (none open)",
                    (h, kpi) -> h.get(UNOPENED_PERIOD),
                    401, 404, 404, 404, 404, 404, 404),
            row("GET /api/v1/strategies/{planId}/periods/{fiscalYear}/changes-since-publication",
                    "figures changed after publication (no such period)",
                    (h, kpi) -> h.get(UNOPENED_PERIOD + "/changes-since-publication"),
                    401, 403, 403, 404, 404, 404, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/figures", "figures in bulk (no such period)",
                    (h, kpi) -> h.post(UNOPENED_PERIOD + "/figures", json(Map.of("figures",
                            List.of(Map.of("kpiId", kpi, "value", 5))))),
                    401, 404, 404, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/late-figures",
                    "a figure declared late (no such period)",
                    (h, kpi) -> h.post(UNOPENED_PERIOD + "/late-figures", json(Map.of("kpiId", kpi,
                            "reason", "統計の公表待ち", "expectedBy", "2020-12-31"))),
                    401, 404, 404, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/departments/{department}/submission",
                    "a department's submission (no such period)",
                    (h, kpi) -> h.post(UNOPENED_PERIOD + "/departments/sangyo/submission", "{}"),
                    401, 404, 403, 403, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/departments/{department}/review",
                    "a review (no such period)", (h, kpi) -> h.post(UNOPENED_PERIOD
                            + "/departments/sangyo/review", json(Map.of("decision", "APPROVE"))),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/opinions", "an opinion (no such period)",
                    (h, kpi) -> h.post(UNOPENED_PERIOD + "/opinions", json(Map.of("text", "順調"))),
                    401, 403, 403, 403, 403, 404, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/publication",
                    "a period's publication (no such period)",
                    (h, kpi) -> h.post(UNOPENED_PERIOD + "/publication", json(Map.of("title", "効果検証"))),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/periods/{fiscalYear}/reopenings",
                    "a reopening (no such period)", (h, kpi) -> h.post(UNOPENED_PERIOD + "/reopenings",
                            json(Map.of("reason", "誤り", "decisionReference", "決裁 1"))),
                    401, 403, 403, 404, 403, 403, 404),
            row("GET /api/v1/strategies", "the plans", (h, kpi) -> h.get("/api/v1/strategies"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/strategies", "the plans as of a date",
                    (h, kpi) -> h.get("/api/v1/strategies?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /api/v1/strategies/{planId}/kpis/{code}", "a KPI by its plan and code",
                    (h, kpi) -> h.get(PLAN + "/kpis/1-1-1-01"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/v1/kpis/{kpiId}/series", "a KPI's series across plans",
                    (h, kpi) -> h.get("/api/v1/kpis/1-1-1-01/series"),
                    200, 200, 200, 200, 200, 200, 200),
            row("PUT /api/v1/strategies/{planId}/period", "revise the plan's period (to what it is: nothing changes)",
                    (h, kpi) -> h.put(PLAN + "/period", json(Map.of("lastYear", 2019, "reason", "確認",
                            "decisionReference", "議決"))),
                    401, 403, 403, 409, 403, 403, 409),
            row("POST /api/v1/strategies/{planId}/goals/{number}/retirement", "retire a goal (no such goal)",
                    (h, kpi) -> h.post(PLAN + "/goals/99/retirement", DECISION),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/policies/{code}/retirement", "retire a policy (no such policy)",
                    (h, kpi) -> h.post(PLAN + "/policies/9-9/retirement", DECISION),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /api/v1/strategies/{planId}/policies/{code}/measures/{number}/retirement",
                    "retire a measure (no such measure)",
                    (h, kpi) -> h.post(PLAN + "/policies/1-1/measures/99/retirement", DECISION),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /api/v1/kpis/{kpiId}/retirement", "retire a KPI after FY2030", (h, kpi) -> h.post(
                            "/api/v1/kpis/" + kpi + "/retirement", json(Map.of("reason", "廃止",
                            "decisionReference", "議決", "lastFiscalYear", 2030))),
                    401, 403, 403, 201, 403, 403, 201),
            row("GET /reports/{publicationId}", "a published report's page",
                    (h, kpi) -> h.get("/reports/" + publication),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /periods/{planId}/{fiscalYear}", "a reporting period's page (none open)",
                    (h, kpi) -> h.get("/periods/shinagawa-2015/2018"),
                    401, 404, 404, 404, 404, 404, 404),
            row("GET /periods/{planId}/{fiscalYear}/departments/{department}/review",
                    "the review page of a submission (none open)",
                    (h, kpi) -> h.get("/periods/shinagawa-2015/2018/departments/sangyo/review"),
                    401, 403, 403, 404, 403, 403, 404),
            row("GET /entry/periods/{planId}/{fiscalYear}/departments/{department}", "a department's grid of figures",
                    (h, kpi) -> h.get(PAGES + "/departments/sangyo"),
                    401, 200, 403, 200, 403, 403, 200),
            row("POST /entry/periods/{planId}/{fiscalYear}/departments/{department}/figures",
                    "the grid sent (no such period)", (h, kpi) -> form(h, PAGES + "/departments/sangyo/figures",
                            "action=preview&value%3A" + kpi + "=5"),
                    401, 404, 403, 404, 403, 403, 404),
            row("POST /entry/periods/{planId}/{fiscalYear}/departments/{department}/sheet",
                    "a sheet uploaded (not a workbook)", (h, kpi) -> h.send("POST", PAGES
                            + "/departments/sangyo/sheet", MULTIPART_SHEET.getBytes(StandardCharsets.UTF_8), false,
                            "Content-Type", "multipart/form-data; boundary=matrix"),
                    401, 400, 403, 400, 403, 403, 400),
            row("POST /entry/periods/{planId}/{fiscalYear}/departments/{department}/submission",
                    "the submission form (no such period)",
                    (h, kpi) -> form(h, PAGES + "/departments/sangyo/submission", ""),
                    401, 404, 403, 403, 403, 403, 404),
            row("POST /entry/periods/{planId}/{fiscalYear}/departments/{department}/review",
                    "the review form (no such period)",
                    (h, kpi) -> form(h, PAGES + "/departments/sangyo/review", "decision=APPROVE"),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /entry/periods/{planId}/{fiscalYear}/opinions", "the opinion form (no such period)",
                    (h, kpi) -> form(h, PAGES + "/opinions", "text=%E9%A0%86%E8%AA%BF"),
                    401, 403, 403, 403, 403, 404, 404),
            row("POST /entry/periods/{planId}/{fiscalYear}/publication", "the publication form (no such period)",
                    (h, kpi) -> form(h, PAGES + "/publication", "title=report"),
                    401, 403, 403, 404, 403, 403, 404),
            row("POST /entry/periods/{planId}/{fiscalYear}/reopenings", "the reopening form (no such period)",
                    (h, kpi) -> form(h, PAGES + "/reopenings", "reason=why&decisionReference=ref"),
                    401, 403, 403, 404, 403, 403, 404),
            row("PUT /api/v1/users/{username}/email", "set where an account's reminders go",
                    (h, kpi) -> h.put("/api/v1/users/spare/email", json(Map.of("email", "spare@city.example"))),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /api/v1/users/changes", "changes to users", (h, kpi) -> h.get("/api/v1/users/changes"),
                    401, 403, 403, 403, 200, 403, 200),
            row("PUT /api/v1/users/me/password", "own password, with a wrong current one", (h, kpi) -> h.put(
                            "/api/v1/users/me/password", json(Map.of("currentPassword", "not-my-password",
                            "newPassword", "a-new-long-password"))),
                    401, 400, 400, 400, 400, 400, 400),
            row("GET /actuator/health", "health", (h, kpi) -> h.get("/actuator/health"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /actuator/health/**", "one health group", (h, kpi) -> h.get("/actuator/health/liveness"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /actuator/info", "info", (h, kpi) -> h.get("/actuator/info"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /actuator", "the operator endpoints", (h, kpi) -> h.get("/actuator"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /actuator/metrics", "metrics", (h, kpi) -> h.get("/actuator/metrics"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /actuator/mappings", "every handler mapping of the process", (h, kpi) ->
                    h.get("/actuator/mappings"), 401, 403, 403, 403, 403, 403, 200),
            row("GET /actuator/metrics/{requiredMetricName}", "one metric",
                    (h, kpi) -> h.get("/actuator/metrics/jvm.threads.live"),
                    401, 403, 403, 403, 403, 403, 200),
            row("GET /v3/api-docs", "the OpenAPI document", (h, kpi) -> h.get("/v3/api-docs"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /v3/api-docs.yaml", "the OpenAPI document in YAML", (h, kpi) -> h.get("/v3/api-docs.yaml"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /v3/api-docs/swagger-config", "Swagger UI's settings",
                    (h, kpi) -> h.get("/v3/api-docs/swagger-config"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /swagger-ui.html", "Swagger UI", (h, kpi) -> h.get("/swagger-ui.html"),
                    302, 302, 302, 302, 302, 302, 302),
            row("GET /webjars/chart.js/dist/chart.umd.min.js", "the chart library of the KPI page",
                    (h, kpi) -> h.get("/webjars/chart.js/dist/chart.umd.min.js"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /js/kpi-chart.js", "the KPI page's chart script", (h, kpi) -> h.get("/js/kpi-chart.js"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /login", "the login page", (h, kpi) -> h.get("/login"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /error", "the error page, asked for directly", (h, kpi) -> h.get("/error"),
                    404, 404, 404, 404, 404, 404, 404),
            row("GET /", "the dashboard's overview", (h, kpi) -> h.get("/"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /", "the dashboard's overview as of a date", (h, kpi) -> h.get("/?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /kpis/{kpiId}", "a KPI's page", (h, kpi) -> h.get("/kpis/1-1-1-01"),
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /kpis/{kpiId}", "a KPI's page as of a date", (h, kpi) -> h.get("/kpis/1-1-1-01?asOf=2030-03-31"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /changes", "the page of changes between two dates", (h, kpi) -> h.get("/changes"),
                    401, 403, 403, 403, 200, 200, 200),
            row("GET /audit", "the audit page", (h, kpi) -> h.get("/audit"),
                    401, 403, 403, 403, 200, 403, 200),
            row("GET /entry/kpis/{kpiId}", "the entry form", (h, kpi) -> h.get("/entry/kpis/" + kpi),
                    401, 200, 403, 403, 403, 403, 200),
            row("POST /entry/kpis/{kpiId}", "the entry form sent (without a session, so no CSRF token asked)",
                    (h, kpi) -> h.send("POST", "/entry/kpis/" + kpi, "fiscalYear=2016&value=5&version=2"
                            .getBytes(StandardCharsets.UTF_8), false, "Content-Type",
                            "application/x-www-form-urlencoded"),
                    401, 303, 403, 403, 403, 403, 303));

    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;
    private static final Map<Caller, LedgerHttp> CALLERS = new EnumMap<>(Caller.class);
    private static final Map<Caller, LedgerHttp> CALLERS_OF_THE_CLOSED_LEDGER = new EnumMap<>(Caller.class);

    @BeforeAll
    static void startWithOneUserPerRole() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        admin = LedgerProcesses.http(ledger);
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
        CALLERS.put(Caller.DISABLED, admin.createUser("taishoku", null, "ADMIN"));
        assertThat(admin.put("/api/v1/users/taishoku/enabled", json(Map.of("enabled", false))).status())
                .isEqualTo(200);
        admin.createUser("spare", null, "COMMITTEE");
        awaitRead("1-1-1-01", 1);
        publication = admin.post("/api/v1/publications", json(Map.of("title", "平成28年度 効果検証")))
                .json().path("id").asString();

        LedgerHttp closed = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.security.public-read=false"));
        CALLERS.forEach((caller, http) -> CALLERS_OF_THE_CLOSED_LEDGER.put(caller, http.onPortOf(closed)));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    /** Every handler mapping of the running ledger, both sides: its method and path pattern as Spring spells them. */
    static Set<String> handlerMappings(ConfigurableApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointOfTheCodeHasARuleOfTheAccessTableAndARowOfThisMatrix() {
        AccessTable table = ledger.getBean(AccessTable.class);
        Set<String> endpoints = handlerMappings(ledger);
        assertThat(endpoints).as("the handler mappings were found").hasSizeGreaterThan(40);

        List<String> withoutRule = endpoints.stream().filter(endpoint -> ruleOf(table, endpoint).isEmpty()).toList();
        Set<String> rows = MATRIX.stream().map(Row::endpoint).collect(Collectors.toSet());
        List<String> withoutRow = endpoints.stream().filter(endpoint -> !rows.contains(endpoint)).toList();

        assertThat(withoutRule).as("endpoints that no rule opens: refused to everybody").isEmpty();
        assertThat(withoutRow).as("endpoints this matrix does not try").isEmpty();
        assertThat(rows.stream().filter(row -> !row.startsWith("GET /webjars/") && !row.startsWith("GET /js/")))
                .as("rows for endpoints the code no longer has (static assets aside)").isSubsetOf(endpoints);
    }

    static Stream<Arguments> cells() {
        return Stream.of(Ledger.values()).flatMap(ledger -> MATRIX.stream().flatMap(row -> Arrays
                .stream(Caller.values()).map(caller -> Arguments.of(ledger, row, caller))));
    }

    @ParameterizedTest(name = "{0}: {1} as {2}")
    @MethodSource("cells")
    void answersAsTheTableOfRolesSays(Ledger which, Row row, Caller caller) {
        String kpi = freshKpiOwnedBySangyo();
        int expected = row.expected(caller, which, ledger.getBean(AccessTable.class));
        long eventsBefore = processes.eventCount();
        LedgerHttp http = (which == Ledger.PUBLIC_READ ? CALLERS : CALLERS_OF_THE_CLOSED_LEDGER).get(caller);

        Reply reply = row.call().apply(http, kpi);

        assertThat(reply.status()).as("%s as %s: %s", row, caller, reply.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(processes.eventCount()).as("a refusal stores nothing").isEqualTo(eventsBefore);
        }
        if ((expected == 401 || expected == 403) && !row.endpoint().contains(" /entry/")) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        if (expected == 401) {
            assertThat(reply.problemCode()).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).anyMatch(challenge -> challenge.startsWith("Basic "));
        }
        if (expected == 403 && reply.contentType().startsWith("application/problem+json")) {
            assertThat(reply.problemCode()).isEqualTo("FORBIDDEN");
            assertThat(reply.json().path("reason").asString()).isIn("MISSING_ROLE", "OTHER_DEPARTMENT");
        }
        if (expected == 200 && reply.contentType().startsWith("application/json") && caller == Caller.ANONYMOUS
                && !row.endpoint().contains("/v3/api-docs")) {
            assertThat(reply.body()).as("no names for anonymous readers").doesNotContain("recordedBy", "\"actor\"");
        }
    }

    /**
     * Every state-changing endpoint of the code, sent on a signed-in browser session without its CSRF token, is
     * refused and stores nothing; a new endpoint is tried without being listed.
     */
    @Test
    void refusesEveryStateChangingRequestOfABrowserSessionWithoutItsCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + LedgerProcesses.port(ledger);
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(LedgerProcesses.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        List<String> writes = handlerMappings(ledger).stream().filter(endpoint -> !endpoint.startsWith("GET "))
                .toList();
        assertThat(writes).hasSizeGreaterThan(15);

        for (String endpoint : writes) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1-1-1-01");
            long before = processes.eventCount();

            HttpResponse<String> reply = browser.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(reply.statusCode()).as("%s without its CSRF token: %s", endpoint, reply.body()).isEqualTo(403);
            assertThat(reply.body()).as(endpoint).contains("CSRF");
            assertThat(processes.eventCount()).as(endpoint).isEqualTo(before);
        }
    }

    @Test
    void theApiDocumentSaysOfEveryOperationWhoMayCallItAndWhichProblemsItAnswers() {
        var document = admin.anonymous().get("/v3/api-docs").json();
        List<String> incomplete = new java.util.ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                var documented = operation.getValue();
                boolean problem4xx = documented.path("responses").properties().stream()
                        .anyMatch(response -> response.getKey().startsWith("4") && response.getValue()
                                .path("content").path("application/problem+json").path("schema").path("$ref")
                                .asString().equals("#/components/schemas/Problem"));
                if (documented.path("summary").asString("").isBlank() || !problem4xx
                        || documented.path("x-access").asString("NONE").equals("NONE")
                        || !documented.path("description").asString("").contains("Who may call it")) {
                    incomplete.add(name);
                }
            }
        }

        assertThat(operations).as("the operations of %s", document.toString().substring(0, 200)).isGreaterThan(30);
        assertThat(incomplete).as("operations without a summary, a problem answer or their access").isEmpty();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code"))
                .isTrue();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("field"))
                .isTrue();
        assertThat(document.path("info").path("license").path("name").asString()).isNotBlank();
        assertThat(document.path("paths").path("/api/v1/kpis").path("post").path("x-access").asString())
                .isEqualTo("PLANNER");
        assertThat(document.path("paths").path("/api/v1/integrity/public-key").path("get").path("security")
                .isEmpty()).as("a public operation asks for no credentials").isTrue();
    }

    @Test
    void namesTheRoleAnEndpointNeeds() {
        Reply refused = CALLERS.get(Caller.STAFF).post("/api/v1/kpis", registerStartups("needs-a-planner"));

        assertThat(refused.json().path("reason").asString()).isEqualTo("MISSING_ROLE");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("This needs the role PLANNER; you have STAFF.");
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

    private static Optional<AccessRule> ruleOf(AccessTable table, String endpoint) {
        HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        return table.ruleFor(method, endpoint.substring(endpoint.indexOf(' ') + 1));
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

    /** The same matrix is run on a ledger that publishes current progress, and on one that does not. */
    enum Ledger { PUBLIC_READ, CLOSED_READ }

    /**
     * One endpoint tried one way, and the status each caller gets on a ledger that publishes its progress. A
     * disabled account is refused as unauthenticated everywhere; on a closed ledger, anonymous reads that the table
     * opens with {@code READ} are refused too.
     */
    record Row(String endpoint, String description, BiFunction<LedgerHttp, String, Reply> call, int[] byCaller) {

        int expected(Caller caller, Ledger ledger, AccessTable table) {
            if (caller == Caller.DISABLED) {
                return 401;
            }
            int published = byCaller[caller.ordinal()];
            boolean publishedRead = ruleOf(table, endpoint).map(rule -> rule.access() == AccessRule.Access.READ)
                    .orElse(false);
            return ledger == Ledger.CLOSED_READ && caller == Caller.ANONYMOUS && publishedRead && published < 400
                    ? 401 : published;
        }

        @Override
        public String toString() {
            return endpoint + " (" + description + ")";
        }
    }

    /** A page's form sent as a browser sends it (without a session here, so no CSRF token is asked). */
    private static Reply form(LedgerHttp http, String path, String body) {
        return http.send("POST", path, body.getBytes(StandardCharsets.UTF_8), false, "Content-Type",
                "application/x-www-form-urlencoded");
    }

    private static Row row(String endpoint, String description, BiFunction<LedgerHttp, String, Reply> call,
            int... byCaller) {
        assertThat(byCaller).hasSize(Caller.values().length - 1);
        return new Row(endpoint, description, call, byCaller);
    }
}
