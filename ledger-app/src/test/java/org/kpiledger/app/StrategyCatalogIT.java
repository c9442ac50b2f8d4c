package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 over HTTP: a strategy imported from its catalog, whole or not at all; its tree with every KPI's placement
 * and achievement; a scoring policy adopted from a fiscal year on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrategyCatalogIT {

    private static final String CATALOGS = "/api/v1/catalogs";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static LedgerProcesses processes;
    private static LedgerHttp http;
    private static LedgerHttp planner;
    private static String shippedCatalog;

    @BeforeAll
    static void startWithoutCatalog() throws IOException {
        processes = new LedgerProcesses();
        http = LedgerProcesses.http(processes.start(LedgerApplication.class));
        planner = http.createUser("planner", null, "PLANNER");
        try (InputStream csv = StrategyCatalogIT.class.getResourceAsStream("/catalog/shinagawa-2015.csv")) {
            shippedCatalog = new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    @Order(1)
    void refusesACatalogWithBadRowsWholeNamingEachRowAndField() {
        String[] lines = shippedCatalog.split("\n");
        lines[2] = lines[2].replace(",AT_LEAST,", ",ABOUT,");
        lines[42] = lines[42].replace(",ANNUAL,", ",WEEKLY,");
        String bad = String.join("\n", lines);

        Reply refused = importCatalog(bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_CATALOG");
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("target_comparator");
        assertThat(errors.get(1).path("row").asInt()).isEqualTo(42);
        assertThat(errors.get(1).path("field").asString()).isEqualTo("accumulation");
        assertThat(processes.eventCount()).as("nothing of a bad catalog is stored").isZero();
    }

    @Test
    @Order(2)
    void importsTheStrategyOnceUnderTheRequesterAndOneCorrelationId() {
        Reply imported = importCatalog(shippedCatalog);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("registered").asInt()).isEqualTo(72);
        long events = processes.eventCount();
        assertThat(processes.database().queryForList(
                "select distinct convert_from(meta_data, 'UTF8') from domain_event_entry", String.class))
                .singleElement().asString().contains("\"actor\":\"planner\"", "\"actorRoles\":\"PLANNER\"",
                        "\"correlationId\":\"import-1\"");

        Reply again = importCatalog(shippedCatalog);

        assertThat(again.json().path("registered").asInt()).isZero();
        assertThat(again.json().path("placed").asInt()).isZero();
        assertThat(processes.eventCount()).as("a second import records nothing").isEqualTo(events);
    }

    @Test
    @Order(3)
    void showsTheTreeWithEveryKpiPlacedAndGraded() {
        assertThat(http.post("/api/v1/kpis/1-1-1-01/actuals", recordActual(2017, 15)).status())
                .isEqualTo(201);
        JsonNode tree = awaitTree(caughtUp -> caughtUp.path("goals").size() == 4
                && caughtUp.path("rollUp").path("kpis").asInt() == 72
                && caughtUp.path("rollUp").path("onTrack").asInt() == 1);

        assertThat(tree.path("title").asString()).isEqualTo("品川区総合戦略");
        assertThat(tree.path("period").path("firstYear").asInt()).isEqualTo(2015);
        assertThat(tree.path("goals")).hasSize(4);
        assertThat(tree.path("rollUp").path("kpis").asInt()).isEqualTo(72);
        assertThat(tree.path("rollUp").path("notMeasurable").asInt()).isEqualTo(71);
        JsonNode creation = tree.path("goals").get(0).path("policies").get(0).path("measures").get(0);
        assertThat(creation.path("title").asString()).isEqualTo("地域産業の創業支援");
        JsonNode startups = creation.path("kpis").get(0);
        assertThat(startups.path("achievement").path("progressRate").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(startups.path("achievement").path("expectedProgress").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(startups.path("achievement").path("grade").asString()).isEqualTo("概ね順調");
        assertThat(creation.path("rollUp").path("onTrack").asInt()).isEqualTo(1);

        JsonNode view = http.get("/api/v1/kpis/1-1-1-01").json();
        assertThat(view.path("strategy").path("planId").asString()).isEqualTo("shinagawa-2015");
        assertThat(view.path("strategy").path("goal").path("number").asInt()).isEqualTo(1);
        assertThat(view.path("strategy").path("policy").path("code").asString()).isEqualTo("1-1");
        assertThat(view.path("strategy").path("measure").path("number").asInt()).isEqualTo(1);
        assertThat(view.path("achievement").path("grade").asString()).isEqualTo("概ね順調");
        assertThat(view.path("department").isNull()).as("the source names no departments").isTrue();
    }

    @Test
    @Order(4)
    void gradesWithAPolicyAdoptedFromAFiscalYearOnAndKeepsTheOldOneForEarlierYears() {
        Reply adopted = http.post("/api/v1/strategies/shinagawa-2015/scoring-policies",
                LedgerHttp.json(Map.of("policyId", "sabc", "version", 1, "effectiveFrom", "H30")));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/kpis/1-1-2-01/actuals", recordActual(2018, 8)).status())
                .isEqualTo(201);

        JsonNode tree = awaitTree(t -> t.path("scoringPolicies").size() == 1
                && t.path("rollUp").path("notMeasurable").asInt() == 70);

        JsonNode supportUse = tree.path("goals").get(0).path("policies").get(0).path("measures").get(1)
                .path("kpis").get(0).path("achievement");
        assertThat(supportUse.path("scoringPolicy").asString()).isEqualTo("sabc@1");
        assertThat(supportUse.path("grade").asString()).isEqualTo("A");
        JsonNode startups = tree.path("goals").get(0).path("policies").get(0).path("measures").get(0)
                .path("kpis").get(0).path("achievement");
        assertThat(startups.path("scoringPolicy").asString()).as("its latest actual is of FY2017")
                .isEqualTo("pro-rata-3@1");
    }

    @Test
    @Order(5)
    void registersAKpiInTheStrategyAndRecordsItsMoveWithWhereItStoodBefore() {
        String registration = LedgerRequests.registerStartups("1-1-1-90").replace("\"kpiId\"",
                "\"strategy\":{\"planId\":\"shinagawa-2015\",\"policyCode\":\"1-1\",\"measureNumber\":1},"
                        + "\"kpiId\"");
        Reply registered = http.post("/api/v1/kpis", registration);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.etag()).contains("\"1\"");

        Reply moved = http.put("/api/v1/kpis/1-1-1-90/placement",
                LedgerHttp.json(Map.of("planId", "shinagawa-2015", "policyCode", "1-1", "measureNumber", 2)), "If-Match", "\"1\"");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode view = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/1-1-1-90").json(), kpi -> kpi.path("version").asLong() == 2);
        assertThat(view.path("strategy").path("measure").path("title").asString()).isEqualTo("地域産業の経営力強化");
        assertThat(processes.database().queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = '1-1-1-90' and sequence_number = 2""", String.class))
                .as("the move keeps where the KPI stood before")
                .contains("\"previous\":{\"planId\":{\"value\":\"shinagawa-2015\"},\"policyCode\":\"1-1\","
                        + "\"measureNumber\":1}");
    }

    @Test
    @Order(6)
    void registersAKpiWithItsOwningDepartmentAndHandsItToAnother() {
        String registration = LedgerRequests.registerStartups("sangyo-01").replace("\"kpiId\"",
                "\"department\":\"sangyo\",\"kpiId\"");
        Reply registered = http.post("/api/v1/kpis", registration);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.etag()).contains("\"1\"");

        Reply handedOver = http.put("/api/v1/kpis/sangyo-01/department", LedgerHttp.json(Map.of("department",
                "kikaku")), "If-Match", "\"1\"");

        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        assertThat(await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/kpis/sangyo-01").json(), kpi -> kpi.path("version").asLong() == 2)
                .path("department").asString()).isEqualTo("kikaku");
    }

    @Test
    @Order(7)
    void listsEveryKpiOnceInIdOrderAPageAtATimeCompressedWhenAsked() {
        List<String> registered = processes.database().queryForList("select aggregate_identifier from "
                + "domain_event_entry where type = 'Kpi' and sequence_number = 0 order by aggregate_identifier",
                String.class);
        assertThat(registered).hasSizeGreaterThan(72);

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = http.get("/api/v1/kpis?limit=30" + (next == null ? "" : "&after=" + next)).json();
            page.path("kpis").forEach(kpi -> walked.add(kpi.path("kpiId").asString()));
            pageSizes.add(page.path("kpis").size());
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);

        assertThat(walked).isEqualTo(registered);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).allMatch(size -> size == 30);
        assertThat(http.get("/api/v1/kpis").json().path("kpis")).as("100 by default").hasSize(registered.size());
        assertThat(http.get("/api/v1/kpis", "Accept-Encoding", "gzip").header("Content-Encoding")).containsExactly("gzip");
        Reply tooMany = http.get("/api/v1/kpis?limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemField()).isEqualTo("limit");
        assertThat(http.get("/api/v1/kpis?after=%00").status()).isEqualTo(400);
    }

    @Test
    @Order(8)
    void downloadsEveryKpiAsCsvAndAsAnXlsxEffectVerificationSheetNowAndAsOfADate() throws IOException {
        int kpis = http.get("/api/v1/kpis?limit=1000").json().path("kpis").size();
        CSVRecord catalogRow = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(shippedCatalog)).getRecords().get(0);

        Reply csv = http.get("/api/v1/kpis", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).anySatisfy(disposition -> assertThat(disposition)
                .startsWith("attachment").contains("kpi-progress.csv"));
        assertThat(csv.bytes()).as("a byte order mark, for Excel").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(rows).hasSize(kpis);
        CSVRecord first = rows.stream().filter(row -> row.get("KPI番号 KPI id").equals("1-1-1-01")).findFirst()
                .orElseThrow();
        assertThat(first.get("KPI")).isEqualTo(catalogRow.get("name"));
        assertThat(first.get("基本目標 goal")).isEqualTo("1 " + catalogRow.get("goal_title"));
        assertThat(first.get("目標値 target")).isEqualTo(catalogRow.get("target_value"));

        Reply xlsx = http.get("/api/v1/kpis", "Accept", XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith(XLSX);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("効果検証");
            List<Row> sheetRows = sheet.read();
            assertThat(sheetRows).hasSize(kpis + 1);
            assertThat(sheetRows.get(0).getCellText(0)).isEqualTo("基本目標 goal");
            Row kpiRow = sheetRows.stream().filter(row -> "1-1-1-01".equals(row.getCellText(3))).findFirst()
                    .orElseThrow();
            assertThat(kpiRow.getCellText(4)).as("the plan").isEqualTo("shinagawa-2015");
            assertThat(kpiRow.getCellText(5)).as("the code in the plan").isEqualTo("1-1-1-01");
            assertThat(kpiRow.getCellText(6)).isEqualTo(catalogRow.get("name"));
            assertThat(kpiRow.getCell(12).getType()).as("a target is a number in the sheet").isEqualTo(CellType.NUMBER);
        }

        LedgerHttp committee = http.createUser("iinkai", null, "COMMITTEE");
        String beforeImport = "2020-01-01";
        assertThat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(
                committee.get("/api/v1/kpis?asOf=" + beforeImport, "Accept", "text/csv").body().substring(1)))
                .getRecords()).as("no KPI was registered by then").isEmpty();
        Reply changes = committee.get("/api/v1/changes?from=" + beforeImport, "Accept", XLSX);
        assertThat(changes.status()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(changes.bytes()))) {
            List<Row> changed = workbook.getFirstSheet().read();
            assertThat(changed.get(0).getCellText(0)).isEqualTo("kpiId");
            assertThat(changed.stream().skip(1).map(row -> row.getCellText(0)).distinct().count())
                    .as("every KPI changed since then").isEqualTo(kpis);
        }
    }

    private static Reply importCatalog(String csv) {
        return planner.send("POST", CATALOGS, csv.getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv", "X-Correlation-Id", "import-1");
    }

    private static JsonNode awaitTree(Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Reply reply = http.get("/api/v1/strategies/shinagawa-2015");
                    return reply.status() == 200 ? reply.json() : null;
                }, tree -> tree != null && ready.test(tree));
    }
}
