package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21: plans over time, as a city's planning division, its committee and an auditor live them, on plans written
 * for the test: a first plan extended by a recorded decision, a measure and a KPI retired, a successor plan whose
 * codes repeat the first plan's with one KPI of each lineage kind and one left to retire, invalid lineage catalogs
 * refused whole, the year both plans cover entered once and shown under both (and asked for by one period only), a
 * series read across both plans with its break, the original target beside the new one, the plans
 * as of before the successor, the exports naming the plan, and the dashboard's plan picker in a real browser.
 */
class PlansOverTimeIT {

    private static final String FIRST = "city-a-2015";
    private static final String SUCCESSOR = "city-a-2022";
    /** The successor's rows: one KPI of each lineage kind, and a new one; the first plan's 1-1-1-06 left out. */
    private static final List<String> SUCCESSOR_ROWS = List.of(
            row("1-1-1-01", "1-1-1-01", "CARRIED_OVER"),
            row("1-1-1-02", "1-1-1-02", "RENAMED"),
            row("1-1-1-03", "1-1-1-03", "REBASED"),
            row("1-1-1-04", "1-1-1-04", "REDEFINED"),
            row("1-1-1-07", "", ""));

    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp planner;
    private static LedgerHttp staff;
    private static LedgerHttp auditor;
    private static String base;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ConfigurableApplicationContext application = processes.start(LedgerApplication.class);
        base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
        admin = LedgerProcesses.http(application);
        planner = admin.createUser("keikaku", null, "PLANNER");
        staff = admin.createUser("sato", "sangyo", "STAFF");
        auditor = admin.createUser("kansa", null, "AUDITOR");
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void twoPlansWithTheSameNumberingLiveInOneLedgerAndASeriesReadsAcrossThem() throws Exception {
        // the first plan: six KPIs, FY2015–2019, five years of figures
        Reply first = importCatalog(firstPlan());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("registered").asInt()).isEqualTo(6);
        for (int kpi = 1; kpi <= 6; kpi++) {
            for (int year = 2015; year <= 2019; year++) {
                assertThat(admin.post("/api/v1/kpis/1-1-1-0" + kpi + "/actuals", recordActual(year, 10 + year
                        - 2014)).status()).isEqualTo(201);
            }
        }

        // the period extended to FY2021 by a recorded decision; a restated catalog does not undo it
        assertThat(staff.put("/api/v1/strategies/" + FIRST + "/period", extension(2021)).status()).isEqualTo(403);
        assertProblem(planner.put("/api/v1/strategies/" + FIRST + "/period",
                json(Map.of("lastYear", 2021, "reason", "延長"))), 400, "decisionReference");
        Reply extended = planner.put("/api/v1/strategies/" + FIRST + "/period", extension(2021));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(importCatalog(firstPlan()).json().path("registered").asInt()).isZero();
        JsonNode plan = plan(planner.get("/api/v1/strategies?minPosition=" + extended.json().path("position")
                .asLong()).json(), FIRST);
        assertThat(plan.path("period").path("lastYear").asInt()).isEqualTo(2021);
        assertThat(plan.path("definedPeriod").path("lastYear").asInt()).isEqualTo(2019);
        assertThat(plan.path("periodRevision").path("decisionReference").asString()).isEqualTo("令和2年第1回定例会");
        for (int kpi = 1; kpi <= 6; kpi++) {
            assertThat(admin.post("/api/v1/kpis/1-1-1-0" + kpi + "/actuals", recordActual(2020, 17))
                    .status()).isEqualTo(201);
        }
        assertProblem(planner.put("/api/v1/strategies/" + FIRST + "/period", extension(2019)), 409,
                "ACTUALS_OUTSIDE_PERIOD");

        // a measure retired by decision stays in the tree, marked; a KPI retired takes no later figure
        Reply measureRetired = planner.post("/api/v1/strategies/" + FIRST + "/policies/1-1/measures/2/retirement",
                json(Map.of("reason", "事業終了", "decisionReference", "令和3年度予算")));
        assertThat(measureRetired.status()).as(measureRetired.body()).isEqualTo(201);
        assertProblem(planner.post("/api/v1/strategies/" + FIRST + "/policies/1-1/measures/9/retirement",
                json(Map.of("reason", "x", "decisionReference", "y"))), 404, "code");
        Reply kpiRetired = planner.post("/api/v1/kpis/1-1-1-05/retirement", json(Map.of("reason",
                "統計の廃止", "decisionReference", "令和3年第2回定例会", "lastFiscalYear", 2020)));
        assertThat(kpiRetired.status()).as(kpiRetired.body()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/kpis/1-1-1-05/actuals", recordActual(2021, 18)), 409, "fiscalYear");
        assertThat(admin.post("/api/v1/kpis/1-1-1-05/actuals", recordActual(2021, 18)).problemCode())
                .isEqualTo("KPI_RETIRED");
        JsonNode tree = planner.get("/api/v1/strategies/" + FIRST + "?minPosition="
                + kpiRetired.json().path("position").asLong()).json();
        JsonNode measure2 = tree.path("goals").get(0).path("policies").get(0).path("measures").get(1);
        assertThat(measure2.path("retired").path("reason").asString()).isEqualTo("事業終了");
        assertThat(measure2.path("kpis")).as("retired, not deleted").hasSize(2);
        Instant beforeSuccessor = Instant.now();
        Thread.sleep(20);

        // invalid lineage catalogs name every bad row and store nothing
        long events = processes.eventCount();
        Reply invalid = importCatalog(successor(List.of(
                row("1-1-1-01", "9-9-9-99", "CARRIED_OVER"),
                row("1-1-1-02", "1-1-1-02", "RENAMED"),
                row("1-1-1-03", "1-1-1-02", "REBASED"),
                row("1-1-1-04", "1-1-1-04", ""),
                row("1-1-1-07", "", "REDEFINED")), FIRST));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.problemCode()).isEqualTo("INVALID_CATALOG");
        assertThat(invalid.json().path("errors").toString()).contains("\"row\":1", "9-9-9-99", "\"row\":3",
                "continued by row 2", "\"row\":4", "\"row\":5");
        Reply selfSucceeding = importCatalog(successor(List.of(row("1-1-1-01", "", "")), SUCCESSOR));
        assertThat(selfSucceeding.status()).isEqualTo(400);
        assertThat(selfSucceeding.body()).contains("cannot succeed itself");
        Reply unknownPredecessor = importCatalog(successor(List.of(row("1-1-1-01", "1-1-1-01", "CARRIED_OVER")),
                "city-z-1999"));
        assertThat(unknownPredecessor.json().path("errors").get(0).path("field").asString())
                .isEqualTo("predecessor_plan_id");
        assertThat(processes.eventCount()).as("refused catalogs store nothing").isEqualTo(events);

        // the successor: the same numbering under a new plan, one KPI of each lineage kind and a new one
        Reply loaded = importCatalog(successor(SUCCESSOR_ROWS, FIRST));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("registered").asInt()).isEqualTo(5);
        assertThat(loaded.json().path("retired").asInt()).as("1-1-1-06: nothing continues it").isEqualTo(1);
        long eventsAfterLoad = processes.eventCount();
        Reply again = importCatalog(successor(SUCCESSOR_ROWS, FIRST));
        assertThat(again.json().path("registered").asInt() + again.json().path("retired").asInt()).isZero();
        assertThat(processes.eventCount()).as("a second load adds nothing").isEqualTo(eventsAfterLoad);
        Reply cycle = importCatalog(firstPlanSucceeding(SUCCESSOR));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.body()).contains("cycle");

        String successorKpi = SUCCESSOR + ".1-1-1-01";
        JsonNode carried = planner.get("/api/v1/strategies/" + SUCCESSOR + "/kpis/1-1-1-01").json();
        assertThat(carried.path("kpiId").asString()).isEqualTo(successorKpi);
        assertThat(carried.path("strategy").path("code").asString()).isEqualTo("1-1-1-01");
        assertThat(carried.path("lineage").path("continues").asString()).isEqualTo("1-1-1-01");
        assertThat(carried.path("lineage").path("kind").asString()).isEqualTo("CARRIED_OVER");
        assertThat(carried.path("actuals")).as("nothing copied from the first plan").isEmpty();
        assertThat(planner.post("/api/v1/strategies/" + SUCCESSOR + "/periods", json(Map.of("fiscalYear", 2020,
                "dueDate", "2021-06-30"))).problemCode()).as("a period belongs to its plan's years")
                .isEqualTo("INVALID_FIELD");
        JsonNode original = planner.get("/api/v1/kpis/1-1-1-01").json();
        assertThat(original.path("strategy").path("planId").asString()).as("the first plan keeps its ids")
                .isEqualTo(FIRST);
        assertThat(planner.get("/api/v1/strategies/" + FIRST + "/kpis/1-1-1-01").json().path("kpiId").asString())
                .isEqualTo("1-1-1-01");
        JsonNode leftOut = planner.get("/api/v1/kpis/1-1-1-06").json();
        assertThat(leftOut.path("retirement").path("lastFiscalYear").asInt()).isEqualTo(2021);
        assertThat(leftOut.path("retirement").path("reason").asString()).contains(SUCCESSOR);
        assertThat(planner.get("/api/v1/kpis/1-1-1-05").json().path("retirement").path("decisionReference")
                .asString()).isEqualTo("令和3年第2回定例会");
        assertProblem(planner.put("/api/v1/kpis/1-1-1-01/placement", json(Map.of("planId", SUCCESSOR,
                "policyCode", "1-1", "measureNumber", 1)), "If-Match", "*"), 409, "planId");

        // FY2021, a year both plans cover, is entered once on the first plan's KPI and shown under both
        assertThat(admin.post("/api/v1/kpis/1-1-1-01/actuals", recordActual(2021, 19)).status()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/kpis/" + successorKpi + "/actuals", recordActual(2021, 19)), 409,
                "FIGURE_IN_LINEAGE");
        Reply overlapOpened = planner.post("/api/v1/strategies/" + SUCCESSOR + "/periods",
                json(Map.of("fiscalYear", 2021, "dueDate", "2022-06-30")));
        assertThat(overlapOpened.status()).as(overlapOpened.body()).isEqualTo(201);
        JsonNode overlapPeriod = planner.get("/api/v1/strategies/" + SUCCESSOR + "/periods/2021?minPosition="
                + overlapOpened.json().path("position").asLong()).json();
        assertThat(overlapPeriod.path("reportedUnderPredecessor").toString()).contains(successorKpi, "1-1-1-01",
                SUCCESSOR + ".1-1-1-03").doesNotContain(SUCCESSOR + ".1-1-1-04");
        assertThat(overlapPeriod.path("unassigned").toString()).as("asked for: redefined, or new")
                .contains(SUCCESSOR + ".1-1-1-04", "\"1-1-1-07\"").doesNotContain(successorKpi + "\"");

        // figures of the successor's years; the series reads through the lineage, with the break where redefined
        for (String code : List.of("1-1-1-01", "1-1-1-04")) {
            assertThat(admin.post("/api/v1/kpis/" + SUCCESSOR + "." + code + "/actuals", recordActual(2022, 25))
                    .status()).isEqualTo(201);
        }
        Reply lastWrite = admin.post("/api/v1/kpis/1-1-1-07/actuals", recordActual(2022, 3));
        assertThat(lastWrite.status()).as("a code no plan had keeps its own id").isEqualTo(201);
        long position = lastWrite.json().path("position").asLong();
        JsonNode series = staff.get("/api/v1/kpis/" + successorKpi + "/series?minPosition=" + position).json();
        assertThat(series.path("segments")).hasSize(2);
        assertThat(series.path("points")).as("2015–2021 under the first plan, 2022 under the successor").hasSize(8);
        assertThat(series.path("points").get(0).path("fiscalYear").asInt()).isEqualTo(2015);
        assertThat(series.path("points").get(0).path("planId").asString()).isEqualTo(FIRST);
        assertThat(series.path("points").get(0).path("target").path("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(series.path("points").get(6).path("fiscalYear").asInt()).isEqualTo(2021);
        assertThat(series.path("points").get(6).path("planId").asString()).as("the overlap year, held by the first")
                .isEqualTo(FIRST);
        assertThat(series.path("points").get(7).path("fiscalYear").asInt()).isEqualTo(2022);
        assertThat(series.path("points").get(7).path("planId").asString()).isEqualTo(SUCCESSOR);
        assertThat(series.path("points").get(7).path("target").path("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(series.toString()).doesNotContain("\"breakBefore\":true");
        JsonNode redefined = staff.get("/api/v1/kpis/" + SUCCESSOR + ".1-1-1-04/series").json();
        assertThat(redefined.path("segments").get(1).path("lineage").asString()).isEqualTo("REDEFINED");
        assertThat(redefined.path("segments").get(1).path("breakBefore").asBoolean()).isTrue();
        assertThat(redefined.path("points").get(6).path("breakBefore").asBoolean()).isTrue();
        assertThat(redefined.path("points").get(5).path("breakBefore").asBoolean()).isFalse();

        JsonNode shownUnderBoth = staff.get("/api/v1/kpis/" + successorKpi).json().path("actuals");
        assertThat(shownUnderBoth).hasSize(2);
        assertThat(shownUnderBoth.get(0).path("fiscalYear").asInt()).isEqualTo(2021);
        assertThat(shownUnderBoth.get(0).path("value").decimalValue()).isEqualByComparingTo("19");
        assertThat(shownUnderBoth.get(0).path("recordedUnder").path("kpiId").asString()).isEqualTo("1-1-1-01");
        assertThat(shownUnderBoth.get(0).path("recordedUnder").path("planId").asString()).isEqualTo(FIRST);
        assertThat(shownUnderBoth.get(1).has("recordedUnder")).isFalse();

        // judged against the target in force, and against the one the series began with
        JsonNode achievement = staff.get("/api/v1/kpis/" + successorKpi).json().path("achievement");
        assertThat(achievement.path("target").path("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(achievement.path("againstOriginalTarget").path("target").path("value").decimalValue())
                .isEqualByComparingTo("20");
        assertThat(achievement.path("againstOriginalTarget").path("achieved").asBoolean()).isTrue();
        assertThat(achievement.path("achieved").asBoolean()).isFalse();
        assertThat(staff.get("/api/v1/kpis/" + SUCCESSOR + ".1-1-1-04").json().path("achievement")
                .has("againstOriginalTarget")).as("a redefined KPI starts its own series").isFalse();
        Reply revised = planner.put("/api/v1/kpis/1-1-1-03/target", reviseTarget(2021, 40, "上方修正", "議決"),
                "If-Match", "*");
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(staff.get("/api/v1/kpis/1-1-1-03?minPosition=" + revised.json().path("position").asLong())
                .json().path("achievement").path("againstOriginalTarget").path("target").path("value").decimalValue())
                .isEqualByComparingTo("20");

        // the plans now and as they stood before the successor
        JsonNode plans = auditor.get("/api/v1/strategies").json();
        assertThat(plan(plans, FIRST).path("successor").asString()).isEqualTo(SUCCESSOR);
        assertThat(plan(plans, SUCCESSOR).path("predecessor").asString()).isEqualTo(FIRST);
        assertThat(plans.has("inForce")).as("none is in force in FY2026").isFalse();
        assertThat(plans.path("defaultPlan").asString()).as("the latest").isEqualTo(SUCCESSOR);
        assertThat(plan(plans, SUCCESSOR).path("status").asString()).isEqualTo("ENDED");
        JsonNode before = auditor.get("/api/v1/strategies?asOf=" + beforeSuccessor).json();
        assertThat(before.path("plans")).hasSize(1);
        assertThat(plan(before, FIRST).has("successor")).isFalse();
        assertThat(auditor.get("/api/v1/strategies/" + SUCCESSOR + "?asOf=" + beforeSuccessor).status())
                .isEqualTo(404);

        // the exports carry the plan and the code
        Reply csv = auditor.get("/api/v1/kpis?format=csv");
        List<CSVRecord> rows = csvRows(csv.body());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("KPI番号 KPI id")).isEqualTo(successorKpi);
            assertThat(row.get("計画 plan")).isEqualTo(SUCCESSOR);
            assertThat(row.get("計画内番号 code")).isEqualTo("1-1-1-01");
        });
        assertThat(csvRows(auditor.get("/api/v1/kpis?format=csv&planId=" + SUCCESSOR).body()))
                .hasSize(5).allSatisfy(row -> assertThat(row.get("計画 plan")).isEqualTo(SUCCESSOR));

        // the history records every decision, and the chain still verifies
        assertThat(auditor.get("/api/v1/audit/events?type=PlanPeriodRevised").body()).contains(FIRST,
                "令和2年第1回定例会");
        assertThat(auditor.get("/api/v1/audit/events?type=StrategyPartRetired").body()).contains("事業終了");
        assertThat(auditor.get("/api/v1/kpis/1-1-1-06/history").body()).contains("KpiRetired");
        assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();

        // the dashboard's picker shows both plans, the latest by default (none is in force in FY2026), by code
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(base + "/");
            Select picker = new Select(browser.findElement(By.id("filter-plan")));
            assertThat(picker.getOptions()).extracting(WebElement::getText)
                    .containsExactly("A市総合戦略 (2015–2021)", "A市総合実施計画 (2021–2024)");
            assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEqualTo(SUCCESSOR);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("改名後の指標")
                    .doesNotContain("指標6");
            Chromium.screenshot(browser, "plan-picker-successor");
            picker.selectByValue(FIRST);
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            assertThat(browser.getCurrentUrl()).contains("plan=" + FIRST);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("指標6")
                    .doesNotContain("改名後の指標");
            assertThat(new Select(browser.findElement(By.id("filter-plan"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(FIRST);
            Chromium.screenshot(browser, "plan-picker-first");

            // the successor's KPI page charts the first plan's figures beside its own, and says where it broke
            browser.get(base + "/kpis/" + successorKpi);
            String table = browser.findElement(By.id("kpi-table")).getText();
            assertThat(table).contains("前の計画での実績", "12 (" + FIRST + ")", "17 (" + FIRST + ")");
            assertThat(browser.findElement(By.cssSelector("dl.figures")).getText()).contains("当初目標に対する評価",
                    "当初目標 20", SUCCESSOR + " 1-1-1-01", "継続元の指標", "（継続）");
            Chromium.screenshot(browser, "kpi-series-across-plans");
            browser.get(base + "/kpis/" + SUCCESSOR + ".1-1-1-04");
            assertThat(browser.findElement(By.id("kpi-table")).getText()).contains("定義変更前");
            browser.get(base + "/kpis/1-1-1-06");
            assertThat(browser.findElement(By.cssSelector("dl.figures")).getText()).contains("2021 年度まで計測");
        } finally {
            browser.quit();
        }
    }

    private static Reply importCatalog(String csv) {
        return planner.send("POST", "/api/v1/catalogs", csv.getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv");
    }

    private static String extension(int lastYear) {
        return json(Map.of("lastYear", lastYear, "reason", "総合実施計画への移行まで延長",
                "decisionReference", "令和2年第1回定例会"));
    }

    private static final String HEADER = "kpi_id,plan_id,plan_title,plan_first_year,plan_last_year,goal_number,"
            + "goal_title,policy_code,policy_title,measure_number,measure_title,overall_plan,name,unit,accumulation,"
            + "direction,value_kind,baseline_fiscal_year,baseline_value,baseline_source,target_fiscal_year,"
            + "target_value,target_comparator,target_source,plan_content,status_fy2014";

    /** The first plan: KPIs 1-1-1-01 to -06 (-05 and -06 under measure 2), baseline 10 in 2014, target 20 by 2019. */
    private static String firstPlan() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int kpi = 1; kpi <= 6; kpi++) {
            csv.append("1-1-1-0").append(kpi).append(',').append(FIRST).append(",A市総合戦略,2015,2019,1,しごと,1-1,"
                    + "産業,").append(kpi <= 4 ? "1,創業支援" : "2,経営支援").append(",,指標").append(kpi)
                    .append(",件,LEVEL,INCREASE,COUNT,2014,10,10件,2019,20,AT_LEAST,20件,,\n");
        }
        return csv.toString();
    }

    /** The first plan restated as succeeding another: the cycle a catalog must not close. */
    private static String firstPlanSucceeding(String predecessor) {
        return firstPlan().replace(HEADER, HEADER + ",predecessor_plan_id")
                .replace(",,\n", ",,," + predecessor + "\n");
    }

    /** A row of the successor: its code, the first plan's code it continues and how. */
    private static String row(String code, String continues, String lineage) {
        String name = "RENAMED".equals(lineage) ? "改名後の指標" : "指標 " + code;
        String baseline = "REBASED".equals(lineage) ? "2021,17,17件" : "2014,10,10件";
        return code + "," + SUCCESSOR + ",A市総合実施計画,2021,2024,1,しごと,1-1,産業,1,創業支援,," + name
                + ",件,LEVEL,INCREASE,COUNT," + baseline + ",2024,30,AT_LEAST,30件,,," + "%s," + continues + ","
                + lineage;
    }

    private static String successor(List<String> rows, String predecessor) {
        StringBuilder csv = new StringBuilder(HEADER).append(",predecessor_plan_id,continues_kpi_id,lineage\n");
        rows.forEach(row -> csv.append(row.formatted(predecessor)).append('\n'));
        return csv.toString();
    }

    private static JsonNode plan(JsonNode plans, String planId) {
        return StreamSupport.stream(plans.path("plans").spliterator(), false)
                .filter(plan -> plan.path("planId").asString().equals(planId)).findFirst().orElseThrow();
    }

    private static List<CSVRecord> csvRows(String body) throws Exception {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static void assertProblem(Reply reply, int status, String codeOrField) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(List.of(reply.problemCode(), reply.problemField())).contains(codeOrField);
    }
}
