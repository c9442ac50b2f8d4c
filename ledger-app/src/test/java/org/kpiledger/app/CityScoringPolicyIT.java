package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: a city's own grading rule defined as data, without a release: Kitsuki's "B: at least 80 % of the target"
 * defined, refused whole with the field at fault when written badly, never changed once defined, adopted like a
 * shipped policy, and graded with in every view and in a published report that verifies.
 */
class CityScoringPolicyIT {

    private static final String KITSUKI = """
            {"id": "kitsuki", "version": 1, "title": "A / B / C (杵築市)",
             "description": "A: 目標達成, B: 目標値の80%以上, C: それ以下",
             "achieved": {"grade": "A", "category": "ACHIEVED"},
             "bands": [{"minShareOfExpected": null, "minShareOfTarget": 0.8, "grade": "B", "category": "ON_TRACK"},
                       {"minShareOfExpected": null, "grade": "C", "category": "BEHIND"}],
             "maintain": {"tolerance": 0, "within": {"grade": "B", "category": "ON_TRACK"},
                          "outside": {"grade": "C", "category": "BEHIND"}},
             "notMeasured": {"grade": "-", "category": "NOT_MEASURABLE"},
             "notGradable": {"grade": "-", "category": "NOT_MEASURABLE"}}""";

    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp planner;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")),
                "If-Match", "*").status()).isEqualTo(200);
        planner = admin.createUser("tanaka", null, "PLANNER");
        LedgerHttp staff = admin.createUser("sato", "sangyo", "STAFF");
        // 1-1-1-01: baseline 6 (2014), target 21 (2019); 18 is 86 % of the target
        assertThat(staff.post("/api/v1/kpis/1-1-1-01/actuals", json(Map.of("fiscalYear", 2016, "value", 18)))
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void aCityDefinesItsRuleAdoptsItAndEveryViewGradesWithIt() {
        long before = processes.eventCount();
        Reply misspelt = planner.post("/api/v1/scoring-policies", KITSUKI.replace("\"title\"", "\"titel\""));
        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().path("field").asString()).isEqualTo("titel");
        Reply wrong = planner.post("/api/v1/scoring-policies", KITSUKI.replace("0.8", "-0.8")
                .replace("\"grade\": \"C\"", "\"grade\": \" \""));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().path("errors").toString()).contains("bands[0].minShareOfTarget", "bands[1].grade");
        assertThat(admin.createUser("ito", "kosodate", "STAFF").post("/api/v1/scoring-policies", KITSUKI).status())
                .as("the planning division's").isEqualTo(403);
        assertThat(planner.post("/api/v1/scoring-policies", KITSUKI.replace("\"kitsuki\"", "\"sabc\"")).status())
                .as("a shipped version").isEqualTo(409);
        assertThat(processes.eventCount()).as("refusals store nothing").isEqualTo(before);

        Reply defined = planner.post("/api/v1/scoring-policies", KITSUKI);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        Reply again = planner.post("/api/v1/scoring-policies", KITSUKI.replace("A / B / C", "changed"));
        assertThat(again.status()).as("a version never changes").isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("SCORING_POLICY_EXISTS");

        Reply adopted = planner.post("/api/v1/strategies/shinagawa-2015/scoring-policies",
                json(Map.of("policyId", "kitsuki", "version", 1, "effectiveFrom", 2015)));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        long position = adopted.json().path("position").asLong();
        JsonNode kpi = admin.get("/api/v1/kpis/1-1-1-01?minPosition=" + position).json();
        assertThat(kpi.path("achievement").path("grade").asString()).as("86 % of the target").isEqualTo("B");
        assertThat(kpi.path("achievement").path("scoringPolicy").asString()).isEqualTo("kitsuki@1");
        assertThat(admin.anonymous().get("/api/v1/scoring-policies").body()).contains("kitsuki", "minShareOfTarget");
        assertThat(admin.get("/api/v1/audit/events?type=ScoringPolicyDefined").body()).contains("kitsuki");

        Reply published = admin.post("/api/v1/publications", json(Map.of("title", "杵築市方式での評価")));
        assertThat(published.status()).isEqualTo(201);
        JsonNode verified = admin.get("/api/v1/publications/" + published.json().path("id").asString() + "/verify")
                .json();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
    }
}
