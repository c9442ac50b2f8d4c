package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 20 in a real browser: the year's cycle as a member of staff (the department's grid, a preview with the
 * grades before and after, save, submit, a correction after a return), the planning division (the review page with
 * what changed since the last submission, a return with a comment, an approval, publication, a reopening) and the
 * committee (an opinion) live it, in headless Chromium against the one-process ledger.
 */
class ReportingCycleBrowserIT {

    private static final String PERIOD = "/periods/shinagawa-2015/2016";
    private static LedgerProcesses processes;
    private static String base;
    private static ChromeDriver browser;
    private static LedgerHttp sangyoApi;

    @BeforeAll
    static void start() {
        browser = Chromium.start();
        processes = new LedgerProcesses();
        ConfigurableApplicationContext application = processes.start(LedgerApplication.class);
        base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
        LedgerHttp admin = LedgerProcesses.http(application);
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")),
                "If-Match", "*").status()).isEqualTo(200);
        for (String[] kpi : new String[][] {{"cycle-sangyo", "sangyo"}, {"cycle-kosodate", "kosodate"}}) {
            assertThat(admin.post("/api/v1/kpis", registerStartups(kpi[0], kpi[1]).replaceFirst("^\\{",
                    "{\"strategy\":{\"planId\":\"shinagawa-2015\",\"policyCode\":\"1-1\",\"measureNumber\":1},"))
                    .status()).isEqualTo(201);
        }
        LedgerHttp planner = admin.createUser("tanaka", null, "PLANNER");
        LedgerHttp secondPlanner = admin.createUser("suzuki", null, "PLANNER");
        sangyoApi = admin.createUser("sato", "sangyo", "STAFF");
        LedgerHttp kosodate = admin.createUser("ito", "kosodate", "STAFF");
        admin.createUser("iinkai", null, "COMMITTEE");
        assertThat(planner.post("/api/v1/strategies/shinagawa-2015/periods",
                json(Map.of("fiscalYear", 2016, "dueDate", "2017-06-30"))).status()).isEqualTo(201);
        // the other department goes through its part over the API
        assertThat(kosodate.post("/api/v1/strategies/shinagawa-2015/periods/2016/figures", json(Map.of("figures",
                List.of(Map.of("kpiId", "cycle-kosodate", "value", 4))))).status()).isEqualTo(200);
        assertThat(kosodate.post("/api/v1/strategies/shinagawa-2015/periods/2016/departments/kosodate/submission",
                "{}").status()).isEqualTo(200);
        assertThat(secondPlanner.post("/api/v1/strategies/shinagawa-2015/periods/2016/departments/kosodate/review",
                json(Map.of("decision", "APPROVE"))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.quit();
        processes.close();
    }

    @Test
    void staffThePlanningDivisionAndTheCommitteeTakeTheYearThroughItsCycle() throws IOException {
        // staff: the period page, overdue in words; the department's grid, a preview, save, submit
        signIn("sato");
        open(PERIOD);
        awaitPage(() -> !browser.findElements(By.id("department-sangyo")).isEmpty());
        WebElement sangyo = browser.findElement(By.id("department-sangyo"));
        assertThat(sangyo.getText()).contains("未着手", "期限超過");
        assertThat(sangyo.findElement(By.cssSelector(".overdue")).getCssValue("color")).isEqualTo("rgba(160, 0, 0, 1)");
        sangyo.findElement(By.cssSelector("a.enter")).click();
        awaitPage(() -> !browser.findElements(By.id("figures-grid")).isEmpty());
        browser.findElement(By.id("value-1-1-1-01")).sendKeys("9");
        browser.findElement(By.id("value-cycle-sangyo")).sendKeys("12");
        long before = processes.eventCount();
        browser.findElement(By.id("preview")).click();
        awaitPage(() -> browser.findElement(By.id("preview-1-1-1-01")).getText().contains("記録される"));
        assertThat(browser.findElement(By.id("preview-1-1-1-01")).getText()).contains("評価", "→");
        assertThat(processes.eventCount()).as("a preview stores nothing").isEqualTo(before);
        Chromium.screenshot(browser, "period-department-preview");
        browser.findElement(By.id("save")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("saved="));
        assertThat(processes.eventCount()).isEqualTo(before + 2);
        assertThat(browser.findElement(By.id("line-1-1-1-01")).getText()).contains("9");
        browser.findElement(By.id("submit")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith(PERIOD) && departmentText("sangyo").contains("提出済み"));

        // the planning division: the first submission shows every figure it recorded; returned with a comment
        signIn("tanaka");
        open(PERIOD);
        awaitPage(() -> departmentText("sangyo").contains("提出済み"));
        browser.findElement(By.id("department-sangyo")).findElement(By.cssSelector("a.review")).click();
        awaitPage(() -> !browser.findElements(By.id("review-form")).isEmpty());
        assertThat(browser.findElement(By.id("review-changes")).getText()).as("the first submission: all it recorded")
                .contains("1-1-1-01", "cycle-sangyo", "sato");
        browser.findElement(By.id("decision-return")).click();
        browser.findElement(By.id("review-comment")).sendKeys("1-1-1-01 は年度末時点の数値か確認してください");
        browser.findElement(By.id("review-submit")).click();
        awaitPage(() -> departmentText("sangyo").contains("差し戻し"));
        assertThat(departmentText("sangyo")).contains("年度末時点");

        // staff correct one figure in the effect verification sheet, upload it, preview, save and submit again
        signIn("sato");
        open("/entry/periods/shinagawa-2015/2016/departments/sangyo");
        awaitPage(() -> !browser.findElements(By.id("figures-grid")).isEmpty());
        browser.findElement(By.id("sheet")).sendKeys(filledInSheet().toString());
        browser.findElement(By.id("upload")).click();
        awaitPage(() -> browser.findElement(By.id("preview-1-1-1-01")).getText().contains("訂正される"));
        assertThat(browser.findElement(By.id("preview-cycle-sangyo")).getText()).contains("変更なし");
        assertThat(browser.findElement(By.id("reason-1-1-1-01")).getDomProperty("value")).isEqualTo("年度末時点に修正");
        browser.findElement(By.id("save")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("saved="));
        browser.findElement(By.id("submit")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith(PERIOD) && departmentText("sangyo").contains("提出済み"));

        // the review page shows the correction; approved
        signIn("tanaka");
        open(PERIOD + "/departments/sangyo/review");
        awaitPage(() -> !browser.findElements(By.id("review-changes")).isEmpty());
        assertThat(browser.findElement(By.id("review-changes")).getText()).contains("1-1-1-01", "9", "8", "sato",
                "年度末時点に修正").as("only what changed since the previous submission").doesNotContain("cycle-sangyo");
        Chromium.screenshot(browser, "period-review");
        browser.findElement(By.id("decision-approve")).click();
        browser.findElement(By.id("review-submit")).click();
        awaitPage(() -> departmentText("sangyo").contains("承認済み"));

        // the committee's opinion
        signIn("iinkai");
        open(PERIOD);
        awaitPage(() -> !browser.findElements(By.id("opinion-form")).isEmpty());
        assertThat(browser.findElements(By.id("publication-form"))).as("publication is the planners'").isEmpty();
        browser.findElement(By.id("opinion-text")).sendKeys("創業支援は順調に推移している。");
        browser.findElement(By.id("opinion-form")).findElement(By.cssSelector("button")).click();
        awaitPage(() -> browser.findElement(By.id("opinions")).getText().contains("創業支援は順調"));

        // published, then reopened by a recorded decision
        signIn("tanaka");
        open(PERIOD);
        awaitPage(() -> !browser.findElements(By.id("publication-form")).isEmpty());
        browser.findElement(By.id("publication-title")).sendKeys("平成28年度 効果検証");
        browser.findElement(By.id("publication-form")).findElement(By.cssSelector("button")).click();
        awaitPage(() -> browser.findElement(By.id("period-state")).getText().contains("公表済み"));
        assertThat(browser.findElements(By.id("publication"))).hasSize(1);
        Chromium.screenshot(browser, "period-published");
        String periodPage = browser.getCurrentUrl();
        browser.findElement(By.id("report-link")).click();
        awaitPage(() -> !browser.findElements(By.id("report-figures")).isEmpty());
        assertThat(browser.findElement(By.id("report-title")).getText()).isEqualTo("平成28年度 効果検証");
        assertThat(browser.findElement(By.id("report-1-1-1-01")).getText()).as("the approved figure").contains("8");
        assertThat(browser.findElement(By.id("report-opinions")).getText()).contains("創業支援は順調");
        Chromium.screenshot(browser, "report");
        browser.get(periodPage);
        browser.findElement(By.id("reopen-reason")).sendKeys("集計誤りの判明");
        browser.findElement(By.id("reopen-decision")).sendKeys("企画課長決裁 2017-081");
        browser.findElement(By.id("reopen-kpis")).sendKeys("1-1-1-01");
        browser.findElement(By.id("reopening-form")).findElement(By.cssSelector("button")).click();
        awaitPage(() -> browser.findElement(By.id("period-state")).getText().contains("再開中"));
    }

    /** The department's sheet as exported for the year, with 1-1-1-01 corrected to 8 and the reason given. */
    private static Path filledInSheet() throws IOException {
        Reply exported = sangyoApi.get("/api/v1/kpis?format=xlsx&fiscalYear=2016&department=sangyo");
        assertThat(exported.status()).isEqualTo(200);
        List<List<Object>> rows = EffectVerificationSheets.rows(exported.bytes());
        int year = EffectVerificationSheets.column(rows.get(0), "2016年度実績");
        int reason = EffectVerificationSheets.column(rows.get(0), "訂正理由");
        int kpi = EffectVerificationSheets.column(rows.get(0), "KPI番号");
        for (List<Object> row : rows.subList(1, rows.size())) {
            if ("1-1-1-01".equals(row.get(kpi))) {
                row.set(year, 8);
                row.set(reason, "年度末時点に修正");
            }
        }
        Path file = Files.createTempFile("effect-verification", ".xlsx");
        Files.write(file, EffectVerificationSheets.workbook(rows));
        return file;
    }

    private static String departmentText(String department) {
        List<WebElement> row = browser.findElements(By.id("department-" + department));
        return row.isEmpty() ? "" : row.get(0).getText();
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    private static void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(LedgerHttp.passwordOf(username));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitPage(() -> !browser.getCurrentUrl().contains("/login"));
    }

    /**
     * Waits for what a page must show; a read page is reloaded meanwhile (the read side follows the writes). An
     * element of the page being left (the form just sent) goes stale under the check: it is checked again.
     */
    private static void awaitPage(BooleanSupplier ready) {
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
            if (ready.getAsBoolean()) {
                return true;
            }
            if (!driver.getCurrentUrl().contains("/entry/")) {
                driver.navigate().refresh();
            }
            return false;
        });
    }
}
