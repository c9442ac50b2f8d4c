package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

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
     * One hash chain still spans every tenant's events: while it holds Sapporo's, the default tenant's auditors may not
     * take it away; the deployment's operator, who hosts both, may.
     */
    @Test
    void theWholeLogIsTheOperatorsToExportWhileItHoldsAnotherTenantsEvents() {
        Reply refused = shinagawaReader.get("/api/v1/ledger/export");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("OPERATOR_ONLY");

        Reply whole = shinagawaAdmin.get("/api/v1/ledger/export");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).contains(SHINAGAWA.secret(), SAPPORO_CITY.secret());
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
