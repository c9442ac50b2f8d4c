package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.kpiledger.integrity.chain.ExportVerifier;
import org.kpiledger.integrity.chain.GroupCommitAppender;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.kpiledger.integrity.ledger.LedgerImport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23, isolation you can prove: Shinagawa (the default tenant) and Sapporo keep the same plan code, the same KPI
 * ids and the same department, each writes figures, targets, a reporting period and an opinion that carry a secret of
 * its own, and then every GET endpoint and page of the code, in every format it produces, is asked under each
 * tenant's URLs with the ids of both: no answer shows the other tenant's secret. Every endpoint, any method, refuses
 * the other tenant's credentials and stores nothing; a tenant's pages link within its prefix only.
 */
class TenantIsolationIT {

    private static final String SAPPORO = "011002";
    private static final String PLAN = "/api/v1/strategies/shinagawa-2015";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Tenant SHINAGAWA = new Tenant("131091", "shinagawa-secret-41", "");
    private static final Tenant SAPPORO_CITY = new Tenant(SAPPORO, "sapporo-secret-73", "/t/" + SAPPORO);
    private static final List<String> MEDIA_TYPES = List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE,
            "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp shinagawaAdmin;
    private static LedgerHttp sapporoAdmin;
    private static LedgerHttp shinagawaReader;
    private static LedgerHttp sapporoReader;

    /** A tenant of the test: its id, the secret every text it writes carries, the prefix of its URLs. */
    private record Tenant(String id, String secret, String prefix) {

        String ownKpi() {
            return "own-" + id;
        }
    }

    @BeforeAll
    static void twoCitiesWithTheSameCodesAndSecretsOfTheirOwn() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        shinagawaAdmin = LedgerProcesses.http(ledger);
        assertThat(shinagawaAdmin.post("/api/v1/tenants", json(Map.of("tenantId", SAPPORO, "name", "札幌市",
                "timeZone", "Asia/Tokyo", "adminPassword", "sapporo-kanrisha-pass-1"))).status()).isEqualTo(201);
        sapporoAdmin = shinagawaAdmin.anonymous().underTenant(SAPPORO).as("admin", "sapporo-kanrisha-pass-1");
        long position = Math.max(write(shinagawaAdmin, SHINAGAWA), write(sapporoAdmin, SAPPORO_CITY));
        shinagawaReader = shinagawaAdmin.createUser("kansa", null, "ADMIN");
        sapporoReader = sapporoAdmin.createUser("kansa", null, "ADMIN");
        EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus()
                        .values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= position)));
    }

    /** The same steps in each city, every text carrying the city's secret; answers the position of the last write. */
    private static long write(LedgerHttp admin, Tenant tenant) {
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertOk(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")), "If-Match", "*"));
        LedgerHttp planner = admin.createUser("kikaku", null, "PLANNER");
        LedgerHttp staff = admin.createUser("sangyo-tanto", "sangyo", "STAFF");
        LedgerHttp committee = admin.createUser("iin", null, "COMMITTEE");
        assertOk(planner.post("/api/v1/kpis", LedgerRequests.registerStartups(tenant.ownKpi(), "sangyo")
                .replace("武蔵小山創業支援センター", tenant.secret() + " 創業支援センター")));
        assertOk(staff.post("/api/v1/kpis/1-1-1-01/actuals", json(Map.of("fiscalYear", 2015, "value", 9,
                "note", tenant.secret() + " note", "evidenceReference", tenant.secret() + " evidence"))));
        assertOk(planner.put("/api/v1/kpis/1-1-1-01/target", LedgerRequests.reviseTarget("平成31年度", 30,
                tenant.secret() + " reason", tenant.secret() + " decision"), "If-Match", "*"));
        assertOk(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2016, "dueDate", "2017-06-30"))));
        assertOk(staff.post(PLAN + "/periods/2016/figures", json(Map.of("figures", List.of(Map.of(
                "kpiId", "1-1-1-01", "value", 12, "note", tenant.secret() + " bulk note"))))));
        assertOk(staff.post(PLAN + "/periods/2016/departments/sangyo/submission", "{}"));
        Reply opinion = committee.post(PLAN + "/periods/2016/opinions", json(Map.of("text",
                tenant.secret() + " opinion")));
        assertOk(opinion);
        return opinion.json().path("position").asLong();
    }

    private static void assertOk(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void noEndpointOrPageOfSapporoShowsShinagawasSecretWhateverIdsItIsAskedFor() {
        Map<String, String> seen = sweep(sapporoReader, SAPPORO_CITY, SHINAGAWA);

        assertThat(seen).as("what Sapporo's URLs answered with Shinagawa's secret").doesNotContainValue("LEAK");
        assertThat(endpointsShowingTheirOwnSecret(seen)).as("Sapporo's own secret is read back: the sweep reads data")
                .contains("GET /api/v1/kpis/{kpiId}/history application/json",
                        "GET /api/v1/changes text/csv", "GET /kpis/{kpiId} text/html", "GET / text/html",
                        "GET /api/v1/kpis " + MEDIA_TYPES.get(3),
                        "GET /api/v1/strategies/{planId}/periods/{fiscalYear} application/json",
                        "GET /periods/{planId}/{fiscalYear} text/html", "GET /entry/kpis/{kpiId} text/html");
    }

    @Test
    void noEndpointOrPageOfShinagawaShowsSapporosSecret() {
        Map<String, String> seen = sweep(shinagawaReader, SHINAGAWA, SAPPORO_CITY);

        assertThat(seen).as("what Shinagawa's URLs answered with Sapporo's secret").doesNotContainValue("LEAK");
        assertThat(endpointsShowingTheirOwnSecret(seen)).hasSizeGreaterThan(10);
    }

    /**
     * Asks every GET endpoint of the code under the tenant's URLs, with the ids both tenants share and with the other
     * tenant's own KPI, bare, as of now and from the start, in every format: answers, per request, LEAK when the
     * other tenant's secret is in the answer, OWN when the tenant's own is, and the status otherwise.
     */
    private static Map<String, String> sweep(LedgerHttp reader, Tenant tenant, Tenant other) {
        String asOf = Instant.now().toString();
        Map<String, String> seen = new TreeMap<>();
        for (String endpoint : getEndpoints()) {
            String pattern = endpoint.substring("GET ".length(), endpoint.lastIndexOf(' '));
            String accept = endpoint.substring(endpoint.lastIndexOf(' ') + 1);
            for (String kpi : List.of("1-1-1-01", tenant.ownKpi(), other.ownKpi())) {
                String path = pattern.replace("{kpiId}", kpi).replace("{code}", kpi).replace("{planId}",
                        "shinagawa-2015").replace("{fiscalYear}", "2016").replace("{department}", "sangyo")
                        .replace("{tenantId}", other.id()).replace("{username}", "kikaku")
                        .replaceAll("\\{[^}]+}", "1");
                for (String query : List.of("", "?asOf=" + asOf, "?from=2000-01-01T00:00:00Z&kpiId=" + kpi)) {
                    Reply reply = reader.get(path + query, "Accept", accept);
                    assertThat(reply.status()).as("%s%s as %s: %s", path, query, accept, reply.body()).isLessThan(500);
                    String text = accept.contains("spreadsheetml") && reply.status() == 200
                            ? EffectVerificationSheets.rows(reply.bytes()).toString() : reply.body();
                    seen.put(endpoint + " " + kpi + query, text.contains(other.secret()) ? "LEAK"
                            : text.contains(tenant.secret()) ? "OWN" : String.valueOf(reply.status()));
                    if (reply.status() == 200 && accept.equals(MediaType.TEXT_HTML_VALUE)) {
                        assertLinksStayWithin(tenant, path, reply.body());
                    }
                }
            }
        }
        return seen;
    }

    private static Set<String> endpointsShowingTheirOwnSecret(Map<String, String> seen) {
        Set<String> endpoints = new TreeSet<>();
        seen.forEach((request, outcome) -> {
            if (outcome.equals("OWN")) {
                endpoints.add(request.substring(0, request.lastIndexOf(' ')));
            }
        });
        return endpoints;
    }

    /** Every link and form of a tenant's page leads to its own URLs. */
    private static void assertLinksStayWithin(Tenant tenant, String path, String html) {
        Matcher link = Pattern.compile("(?:href|action|src)=\"(/[^\"]*)\"").matcher(html);
        while (link.find()) {
            assertThat(link.group(1)).as("a link of %s%s", tenant.prefix(), path)
                    .startsWith(tenant.prefix().isEmpty() ? "/" : tenant.prefix() + "/")
                    .doesNotStartWith(tenant.prefix().isEmpty() ? "/t/" : "/t/" + tenant.id() + "/t/");
        }
    }

    /**
     * Each city's administrator of its own name, signing in with its password at the other city's URLs: refused as
     * an unknown account (401, or 429 once the failed sign-ins of that name slow it down).
     */
    @Test
    void everyEndpointRefusesTheOtherTenantsCredentialsAndStoresNothing() {
        LedgerHttp shinagawaUnderSapporo = shinagawaAdmin.createUser("shinagawa-kanri", null, "ADMIN")
                .underTenant(SAPPORO);
        LedgerHttp sapporoUnprefixed = sapporoAdmin.createUser("sapporo-kanri", null, "ADMIN")
                .onPortOf(shinagawaAdmin);
        List<String> endpoints = AuthorizationMatrixIT.handlerMappings(ledger).stream().toList();
        assertThat(endpoints).hasSizeGreaterThan(40);
        long events = processes.eventCount();
        List<String> answered = new ArrayList<>();

        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1-1-1-01");
            for (LedgerHttp elsewhere : List.of(shinagawaUnderSapporo, sapporoUnprefixed)) {
                Reply reply = elsewhere.send(method, path, "{}".getBytes(StandardCharsets.UTF_8), false,
                        "Content-Type", "application/json", "Accept", "application/json");
                if (reply.status() != 401 && reply.status() != 429 && !(reply.status() == 404
                        && reply.problemCode().equals("TENANT_FEATURE_NOT_AVAILABLE"))) {
                    answered.add(method + " " + elsewhere.baseUrl() + path + " " + reply.status());
                }
            }
        }

        assertThat(answered).as("requests that did not refuse the other tenant's password").isEmpty();
        assertThat(processes.eventCount()).as("nothing stored").isEqualTo(events);
    }

    /**
     * Each city's auditor verifies its own chain, exports only its own events, and checks that export offline with its
     * city's verifier key, which is not the other city's: neither key vouches for the other's ledger.
     */
    @Test
    void eachCitysAuditorVerifiesAndExportsItsOwnChainUnderItsOwnKey() throws Exception {
        Map<String, String> keys = new TreeMap<>();
        Map<String, String> exports = new TreeMap<>();
        for (LedgerHttp auditor : List.of(shinagawaReader, sapporoReader)) {
            Tenant tenant = auditor == shinagawaReader ? SHINAGAWA : SAPPORO_CITY;
            long stored = processes.database().queryForObject("select count(*) from domain_event_entry "
                    + "where tenant_id = ?", Long.class, tenant.id());
            JsonNode integrity = auditor.get("/api/v1/integrity").json();
            assertThat(integrity.path("verified").asBoolean()).as(tenant.id()).isTrue();
            assertThat(integrity.path("events").asLong()).as("the events of " + tenant.id() + " only")
                    .isEqualTo(stored);
            Reply export = auditor.get("/api/v1/ledger/export");
            assertThat(export.status()).as(export.body()).isEqualTo(200);
            List<String> lines = export.body().lines().toList();
            assertThat(lines).hasSize((int) stored + 1);
            assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(JSON.readTree(line)
                    .path("streamId").asString()).satisfies(stream -> assertThat(stream.startsWith(SAPPORO + ":"))
                    .as(stream).isEqualTo(tenant == SAPPORO_CITY)));
            keys.put(tenant.id(), auditor.get("/api/v1/integrity/public-key").body().strip());
            exports.put(tenant.id(), export.body());
        }
        assertThat(exports.get(SHINAGAWA.id())).contains(SHINAGAWA.secret()).doesNotContain(SAPPORO_CITY.secret());
        assertThat(exports.get(SAPPORO)).contains(SAPPORO_CITY.secret()).doesNotContain(SHINAGAWA.secret());
        assertThat(keys.get(SAPPORO)).isNotEqualTo(keys.get(SHINAGAWA.id())).startsWith("kpi-ledger/" + SAPPORO + "+");
        for (String tenant : keys.keySet()) {
            for (String key : keys.keySet()) {
                ExportVerifier.Result result = ExportVerifier.verify(new BufferedReader(new StringReader(
                        exports.get(tenant))), keys.get(key));
                assertThat(result.verified()).as(tenant + "'s export under " + key + "'s key: " + result.describe())
                        .isEqualTo(tenant.equals(key));
            }
        }
    }

    /**
     * A third city's history altered behind the ledger's back: its auditor is told, its writes are refused until its
     * administrator acknowledges the break; the other cities' chains still verify and their writes go on.
     */
    @Test
    void aBreakOfOneCitysChainRefusesThatCitysWritesOnly() throws Exception {
        String hakodate = "012025";
        assertThat(shinagawaAdmin.post("/api/v1/tenants", json(Map.of("tenantId", hakodate, "name", "函館市",
                "timeZone", "Asia/Tokyo", "adminPassword", "hakodate-kanrisha-pass"))).status()).isEqualTo(201);
        LedgerHttp hakodateAdmin = shinagawaAdmin.anonymous().underTenant(hakodate)
                .as("admin", "hakodate-kanrisha-pass");
        assertOk(hakodateAdmin.post("/api/v1/kpis", LedgerRequests.registerStartups("hakodate-1", "sangyo")));
        assertThat(hakodateAdmin.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
        try (Connection superuser = processes.database().getDataSource().getConnection();
             Statement statement = superuser.createStatement()) {
            statement.execute("set session_replication_role = replica; update domain_event_entry "
                    + "set payload = payload || convert_to(' ', 'UTF8') "
                    + "where aggregate_identifier = '" + hakodate + ":hakodate-1'");
        }

        JsonNode broken = hakodateAdmin.get("/api/v1/integrity").json();
        assertThat(broken.path("verified").asBoolean()).isFalse();
        assertThat(broken.path("firstMismatch").path("kind").asString()).isEqualTo("ALTERED");
        Reply refused = hakodateAdmin.post("/api/v1/kpis", LedgerRequests.registerStartups("hakodate-2", "sangyo"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.problemCode()).isEqualTo("LEDGER_INTEGRITY_BROKEN");
        assertOk(shinagawaAdmin.post("/api/v1/kpis", LedgerRequests.registerStartups("after-hakodate", "sangyo")));
        assertOk(sapporoAdmin.post("/api/v1/kpis", LedgerRequests.registerStartups("after-hakodate", "sangyo")));
        for (LedgerHttp auditor : List.of(shinagawaReader, sapporoReader)) {
            assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
        }
        JsonNode health = shinagawaAdmin.get("/actuator/health").json();
        assertThat(health.path("status").asString()).as("the deployment stays up for the other cities")
                .isEqualTo("UP");
    }

    /**
     * Sapporo's chain locked by another process's append in progress: Shinagawa's write is stored meanwhile, and
     * Sapporo's, deferred, once the lock is free; both chains verify.
     */
    @Test
    void aCitysAppendsDoNotWaitForAnotherCitysChain() throws Exception {
        GroupCommitAppender appender = ledger.getBean(GroupCommitAppender.class);
        CompletableFuture<Reply> sapporosWrite;
        try (Connection otherProcess = processes.serviceDatabase().getDataSource().getConnection()) {
            otherProcess.setAutoCommit(false);
            try (Statement lock = otherProcess.createStatement()) {
                lock.execute(HashChainingStorageEngine.lockOfChain(SAPPORO));
            }
            long deferralsBefore = appender.statistics().deferrals();
            sapporosWrite = CompletableFuture.supplyAsync(() -> sapporoAdmin.post("/api/v1/kpis",
                    LedgerRequests.registerStartups("while-locked", "sangyo")));
            await().atMost(Duration.ofSeconds(30)).until(() -> appender.statistics().deferrals() > deferralsBefore);

            Reply shinagawasWrite = CompletableFuture.supplyAsync(() -> shinagawaAdmin.post("/api/v1/kpis",
                    LedgerRequests.registerStartups("while-locked", "sangyo"))).get(30, TimeUnit.SECONDS);
            assertOk(shinagawasWrite);
            assertThat(sapporosWrite).as("Sapporo's write, while its chain is locked elsewhere").isNotDone();
            otherProcess.commit();
        }
        assertOk(sapporosWrite.get(30, TimeUnit.SECONDS));
        for (LedgerHttp auditor : List.of(shinagawaReader, sapporoReader)) {
            assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
        }
    }

    /**
     * Sapporo moves to a deployment of its own: its export imported there reproduces its head hash and its KPIs, and
     * its chain verifies there.
     */
    @Test
    void aCitysExportImportedIntoAnotherDeploymentReproducesItsHeadHash() throws Exception {
        Reply export = sapporoReader.get("/api/v1/ledger/export");
        String head = JSON.readTree(export.body().lines().toList().get(export.body().lines().toList().size() - 2))
                .path("hash").asString();
        try (LedgerProcesses elsewhere = new LedgerProcesses()) {
            ConfigurableApplicationContext moved = elsewhere.start(LedgerApplication.class);
            LedgerHttp operator = LedgerProcesses.http(moved);
            assertThat(operator.post("/api/v1/tenants", json(Map.of("tenantId", SAPPORO, "name", "札幌市",
                    "timeZone", "Asia/Tokyo", "adminPassword", "sapporo-kanrisha-pass-1"))).status()).isEqualTo(201);

            long imported = moved.getBean(LedgerImport.class).importFrom(new BufferedReader(
                    new StringReader(export.body())));

            assertThat(imported).isEqualTo(export.body().lines().count() - 1);
            LedgerHttp sapporo = operator.anonymous().underTenant(SAPPORO).as("admin", "sapporo-kanrisha-pass-1");
            JsonNode integrity = sapporo.get("/api/v1/integrity").json();
            assertThat(integrity.path("verified").asBoolean()).isTrue();
            assertThat(integrity.path("head").asString()).isEqualTo(head);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sapporo
                    .get("/api/v1/kpis/" + SAPPORO_CITY.ownKpi()).body()).contains(SAPPORO_CITY.secret()));
            assertThat(operator.get("/api/v1/kpis/" + SAPPORO_CITY.ownKpi()).status())
                    .as("the default tenant of the new deployment does not see it").isEqualTo(404);
        }
    }

    /**
     * The operator rebuilds Sapporo's read models from its events: Sapporo's rows, damaged behind the ledger's back,
     * come back as its events say; Shinagawa's are not touched, not even rewritten as they were.
     */
    @Test
    void theOperatorRebuildsOneCitysReadModelsAndLeavesTheOthersRowsAsTheyAre() {
        JdbcTemplate superuser = processes.database();
        superuser.update("update kpi_version set name = 'damaged' where tenant_id = ?", SAPPORO);
        assertThat(sapporoReader.get("/api/v1/kpis/" + SAPPORO_CITY.ownKpi()).body()).contains("damaged");
        String shinagawasRows = "select string_agg(xmin::text || ' ' || kpi_id || ' ' || version, ',' "
                + "order by kpi_id, version) from kpi_version where tenant_id = '" + SHINAGAWA.id() + "'";
        String shinagawasBefore = superuser.queryForObject(shinagawasRows, String.class);
        Map<String, Long> rowsBefore = rowsByTenant(superuser);

        Reply started = shinagawaAdmin.post("/api/v1/operations/rebuilds", json(Map.of("tenantId", SAPPORO)));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("projections")).hasSize(5);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(shinagawaAdmin.get("/api/v1/operations/rebuilds").json().path("replaying")).isEmpty();
            assertThat(rowsByTenant(superuser)).isEqualTo(rowsBefore);
            assertThat(sapporoReader.get("/api/v1/kpis/" + SAPPORO_CITY.ownKpi()).body())
                    .doesNotContain("damaged").contains(SAPPORO_CITY.secret());
        });
        assertThat(superuser.queryForObject(shinagawasRows, String.class)).as("Shinagawa's rows, not rewritten")
                .isEqualTo(shinagawasBefore);
        assertThat(sapporoAdmin.post("/api/v1/operations/rebuilds", json(Map.of("tenantId", SAPPORO))).problemCode())
                .as("operations are the deployment's, not under a tenant's prefix")
                .isEqualTo("TENANT_FEATURE_NOT_AVAILABLE");
    }

    /** How many rows each tenant has in each of the projections' main tables. */
    private static Map<String, Long> rowsByTenant(JdbcTemplate superuser) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("kpi_version", "kpi_actual_version", "ledger_change", "strategy_plan_version",
                "reporting_period_step", "scoring_policy_adoption_version")) {
            superuser.query("select tenant_id, count(*) from " + table + " group by tenant_id", row -> {
                rows.put(table + " " + row.getString(1), row.getLong(2));
            });
        }
        return rows;
    }

    /** Every GET handler mapping, once per media type it produces (JSON and pages for those that name none). */
    private static Set<String> getEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : ledger.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                    continue;
                }
                Set<MediaType> produced = info.getProducesCondition().getProducibleMediaTypes();
                for (String pattern : info.getPatternValues()) {
                    for (String accept : MEDIA_TYPES) {
                        if (produced.isEmpty() ? accept.equals(MediaType.APPLICATION_JSON_VALUE)
                                : produced.stream().anyMatch(type -> type.toString().startsWith(accept))) {
                            endpoints.add("GET " + pattern + " " + accept);
                        }
                    }
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }
}
