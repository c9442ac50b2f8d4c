package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11 in a real browser: the dashboard as committees, staff, auditors and the public use it, in headless
 * Chromium against the one-process application on the strategy's 72 KPIs. Screenshots of the main pages are kept in
 * {@code ledger-app/target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final String KPI = "1-1-1-01";
    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp staff;
    private static String base;
    private static ChromeDriver browser;
    /** An instant between the first record of {@link #KPI}'s 2015 actual (8) and its correction (9). */
    private static Instant beforeCorrection;

    @BeforeAll
    static void startWithTheStrategyAndOneOwnedKpi() throws IOException, InterruptedException {
        browser = Chromium.start();
        processes = new LedgerProcesses();
        ConfigurableApplicationContext application = processes.start(LedgerApplication.class);
        base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
        admin = LedgerProcesses.http(application);
        LedgerHttp planner = admin.createUser("planner", null, "PLANNER");
        staff = admin.createUser("kaori", "industry", "STAFF");
        admin.createUser("taro", "welfare", "STAFF");
        admin.createUser("iinkai", null, "COMMITTEE");
        admin.createUser("kansa", null, "AUDITOR");
        try (InputStream csv = DashboardBrowserIT.class.getResourceAsStream("/catalog/shinagawa-2015.csv")) {
            Reply imported = planner.send("POST", "/api/v1/catalogs", csv.readAllBytes(), false,
                    "Content-Type", "text/csv");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        assertThat(planner.put("/api/v1/kpis/" + KPI + "/department", "{\"department\":\"industry\"}",
                "If-Match", "*").status()).isEqualTo(200);
        assertThat(staff.post("/api/v1/kpis/" + KPI + "/actuals", recordActual(2015, 8)).status()).isEqualTo(201);
        Thread.sleep(20);
        beforeCorrection = Instant.now();
        Thread.sleep(20);
        assertThat(staff.put("/api/v1/kpis/" + KPI + "/actuals/2015", correctActual(9, "集計漏れを訂正"),
                "If-Match", "*").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewListsAll72KpisUnderTheirFourBasicGoals() {
        open("/");
        awaitPage(() -> rows().size() == 72 && browser.getPageSource().contains("9 事業者"));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("総合戦略の進捗");
        assertThat(browser.findElements(By.cssSelector("section.goal > h2")).stream().map(WebElement::getText))
                .containsExactly("1. 地域を支える産業の活力を高め、魅力ある雇用の場を創出する",
                        "2. 国際化への対応をさらに進めつつ、多様な地域との交流・連携を推進し、ともに発展する",
                        "3. 安心して子どもを生み、楽しく子育てができるまちをつくる",
                        "4. 生涯にわたり住み続けたい安心と活力のあるまちをつくる");
        WebElement startups = browser.findElement(By.cssSelector("#goal-1 tr[data-kpi-id='" + KPI + "']"));
        assertThat(startups.getText()).contains("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数(累計)",
                "9 事業者", "21 事業者");
        assertThat(startups.findElement(By.cssSelector(".progress")).getDomAttribute("aria-label"))
                .as("the bar is described in words").contains("進捗率 20%");
        assertThat(browser.findElements(By.cssSelector(".entry-link"))).as("no form for the public").isEmpty();
        assertThat(browser.findElement(By.id("goal-1")).findElements(By.cssSelector(".grade-counts li")))
                .as("the goal's KPIs counted by grade").isNotEmpty();
        Chromium.screenshot(browser, "overview");

        new Select(browser.findElement(By.id("filter-goal"))).selectByValue("2");
        browser.findElement(By.id("filter-q")).sendKeys("観光");
        browser.findElement(By.cssSelector("form.filters button")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("goal=2"));
        assertThat(rows()).extracting(row -> row.getDomAttribute("data-kpi-id")).contains("2-1-1-01")
                .allSatisfy(id -> assertThat(id).startsWith("2-"));
        assertThat(browser.findElements(By.cssSelector("section.goal"))).hasSize(1);
    }

    @Test
    @Order(2)
    void theKpiPageDrawsTheChartWithATableAndShowsNoActorsToThePublic() {
        open("/kpis/" + KPI);

        awaitPage(() -> Boolean.TRUE.equals(browser.executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('kpi-chart') !== undefined")));
        assertThat(browser.executeScript("return Chart.getChart('kpi-chart').data.datasets.map(d => d.label)"))
                .asList().contains("実績", "訂正された実績", "按分（期待される推移）", "目標値", "基準値");
        WebElement year2015 = tableRow("kpi-table", "2015");
        assertThat(year2015.findElements(By.tagName("td")).get(0).getText()).isEqualTo("9");
        assertThat(year2015.findElements(By.tagName("td")).get(1).getText()).as("corrections").isEqualTo("1");
        assertThat(browser.findElements(By.id("kpi-history"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("kaori");
        Chromium.screenshot(browser, "kpi-page");
    }

    @Test
    @Order(3)
    void theAsOfPickerShowsAPastStateClearlyMarked() {
        browser.manage().deleteAllCookies();
        open("/changes");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        submitLogin("iinkai");
        awaitPage(() -> browser.getCurrentUrl().contains("/changes"));
        String yesterday = LocalDate.now(ZoneId.systemDefault()).minusDays(1).toString();
        browser.executeScript("document.getElementById('changes-from').value = arguments[0]", yesterday);
        browser.findElement(By.cssSelector("form.filters button")).click();
        awaitPage(() -> !browser.findElements(By.id("changes-count")).isEmpty());
        assertThat(browser.findElement(By.id("changes-count")).getText()).startsWith("72 件の KPI が変わりました");
        Chromium.screenshot(browser, "changes");
        open("/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("このページを表示する権限がありません");

        open("/kpis/" + KPI + "?asOf=" + beforeCorrection);

        assertThat(browser.findElement(By.cssSelector(".past-banner")).getText()).contains("過去の状態");
        WebElement year2015 = tableRow("kpi-table", "2015");
        assertThat(year2015.findElements(By.tagName("td")).get(0).getText()).as("before the correction").isEqualTo("8");
        assertThat(year2015.findElements(By.tagName("td")).get(1).getText()).isEqualTo("0");
        assertThat(browser.getPageSource()).as("committees see no actors").doesNotContain("kaori");
        Chromium.screenshot(browser, "kpi-as-of");

        open("/?asOf=" + beforeCorrection);
        assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();
        assertThat(rows()).hasSize(72);
        assertThat(browser.findElement(By.cssSelector("tr[data-kpi-id='" + KPI + "']")).getText()).contains("8 事業者");
        Chromium.screenshot(browser, "overview-as-of");

        browser.executeScript("document.getElementById('as-of-date').value = arguments[0]", yesterday);
        browser.findElement(By.cssSelector("form.as-of button")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("asOf=" + yesterday));
        assertThat(browser.findElement(By.cssSelector(".past-banner")).getText()).contains(yesterday);
        assertThat(rows()).as("the strategy was not in the ledger yesterday").isEmpty();
        assertThat(browser.findElement(By.id("kpi-count")).getText()).isEqualTo("表示中の KPI: 0 件 / 全 0 件");
    }

    @Test
    @Order(4)
    void staffRecordAnActualThroughTheFormAndSeeItOnTheKpiPage() {
        signIn("kaori");
        open("/?department=mine");
        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.getDomAttribute("data-kpi-id")).isEqualTo(KPI));

        browser.findElement(By.cssSelector("tr[data-kpi-id='" + KPI + "'] .entry-link")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith("/entry/kpis/" + KPI));
        new Select(browser.findElement(By.id("fiscalYear"))).selectByValue("2016");
        browser.findElement(By.id("value")).sendKeys("１２");
        browser.findElement(By.id("note")).sendKeys("窓口集計");
        Chromium.screenshot(browser, "entry-form");
        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();

        awaitPage(() -> browser.getCurrentUrl().contains("/kpis/" + KPI + "?minPosition="));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("2016 年度の実績を保存しました。");
        WebElement year2016 = tableRow("kpi-table", "2016");
        assertThat(year2016.findElements(By.tagName("td")).get(0).getText()).isEqualTo("12");
        assertThat(year2016.findElements(By.tagName("td")).get(3).getText()).isEqualTo("窓口集計");
        assertThat(staff.get("/api/v1/kpis/" + KPI).json().path("actuals").toString())
                .contains("\"fiscalYear\":2016,\"value\":12");
    }

    @Test
    @Order(5)
    void aStaleFormIsRefusedReadablyKeepingWhatWasTyped() {
        signIn("kaori");
        open("/entry/kpis/" + KPI);
        String versionInForm = browser.findElement(By.name("version")).getDomAttribute("value");
        assertThat(staff.post("/api/v1/kpis/" + KPI + "/actuals", recordActual(2017, 14)).status()).isEqualTo(201);

        new Select(browser.findElement(By.id("fiscalYear"))).selectByValue("2018");
        browser.findElement(By.id("value")).sendKeys("20");
        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();

        awaitPage(() -> !browser.findElements(By.id("entry-alert")).isEmpty());
        assertThat(browser.findElement(By.id("entry-alert")).getText())
                .contains("フォームを開いた後に更新されました").contains("版 " + versionInForm);
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).as("what was typed").isEqualTo("20");
        assertThat(tableRow("current-actuals", "2017").getText()).as("the change that won").contains("14");
        assertThat(staff.get("/api/v1/kpis/" + KPI).json().path("actuals").toString()).doesNotContain("2018");
        Chromium.screenshot(browser, "entry-stale");

        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("saved=2018"));
    }

    @Test
    @Order(6)
    void problemsAreShownNextToTheFieldAtFaultAndNothingIsStored() {
        signIn("kaori");
        open("/entry/kpis/" + KPI + "?fiscalYear=2015");
        long events = processes.eventCount();

        browser.findElement(By.id("value")).sendKeys("十");
        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        awaitPage(() -> !browser.findElements(By.id("value-error")).isEmpty());
        assertThat(browser.findElement(By.id("value")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("value")).getDomAttribute("aria-describedby")).isEqualTo("value-error");

        WebElement value = browser.findElement(By.id("value"));
        value.clear();
        value.sendKeys("10");
        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        awaitPage(() -> !browser.findElements(By.id("reason-error")).isEmpty());
        assertThat(new Select(browser.findElement(By.id("fiscalYear"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("2015");
        assertThat(processes.eventCount()).as("nothing refused is stored").isEqualTo(events);
    }

    @Test
    @Order(7)
    void aUserWithoutRightsSeesNoFormAndNoActorNamesAndAChangedAccountIsSignedOut() {
        signIn("taro");
        open("/kpis/" + KPI);
        assertThat(browser.findElements(By.cssSelector(".entry-link"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("kaori");

        open("/entry/kpis/" + KPI);
        assertThat(browser.findElements(By.id("entry-form"))).isEmpty();
        assertThat(browser.getPageSource()).contains("welfare");

        assertThat(admin.put("/api/v1/users/taro/roles", "{\"roles\":[\"STAFF\"],\"department\":\"industry\"}")
                .status()).isEqualTo(200);
        open("/kpis/" + KPI);
        assertThat(browser.getPageSource()).as("a change of the account ends its sessions")
                .doesNotContain("ログイン中: taro");
        assertThat(browser.findElements(By.cssSelector(".entry-link"))).isEmpty();

        browser.manage().deleteAllCookies();
        open("/entry/kpis/" + KPI);
        assertThat(browser.getCurrentUrl()).as("the public is asked to sign in").endsWith("/login");
        open("/audit");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    @Order(8)
    void auditorsSeeWhoChangedWhatAndTheIntegrityOfTheLedger() {
        signIn("kansa");
        open("/kpis/" + KPI);
        WebElement history = browser.findElement(By.id("kpi-history"));
        assertThat(history.getText()).contains("kaori", "ActualCorrected 2015", "集計漏れを訂正");

        open("/audit?actor=kaori");
        assertThat(browser.findElement(By.id("integrity-status")).getText())
                .isEqualTo("保存された履歴は検証済みで、改ざんは見つかっていません。");
        assertThat(browser.findElements(By.cssSelector("#audit-feed tbody tr")))
                .hasSize(5).allSatisfy(row -> assertThat(row.getText()).contains("kaori"));
        Chromium.screenshot(browser, "audit");
    }

    @Test
    @Order(9)
    void theDownloadsOfTheOverviewHoldThe72Kpis() throws IOException {
        browser.manage().deleteAllCookies();
        open("/");
        String csvLink = browser.findElement(By.partialLinkText("CSV")).getDomAttribute("href");
        String xlsxLink = browser.findElement(By.partialLinkText("Excel")).getDomAttribute("href");

        Reply csv = admin.anonymous().get(csvLink);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8)))
                .getRecords()).hasSize(72).anySatisfy(row -> assertThat(row.get("KPI番号 KPI id")).isEqualTo(KPI));

        Reply xlsx = admin.anonymous().get(xlsxLink);
        assertThat(xlsx.status()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(workbook.getFirstSheet().read()).as("a header and the 72 KPIs").hasSize(73);
        }
    }

    @Test
    @Order(10)
    void theOverviewIsKeyboardReachableSwitchesToEnglishAndPrintsAsThePacket() throws IOException {
        browser.manage().deleteAllCookies();
        open("/");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("class")).isEqualTo("skip-link");
        assertThat(browser.findElements(By.cssSelector("select, input:not([type=hidden])")))
                .allSatisfy(field -> assertThat(browser.findElements(
                        By.cssSelector("label[for='" + field.getDomAttribute("id") + "']"))).hasSize(1));

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector("form.filters")).isDisplayed()).isFalse();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        Pdf packet = browser.print(new PrintOptions());
        byte[] pdf = Base64.getDecoder().decode(packet.getContent());
        Files.write(Chromium.SCREENSHOTS.resolve("overview-print.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        browser.findElement(By.linkText("English")).click();
        awaitPage(() -> "Progress of the strategy".equals(browser.findElement(By.tagName("h1")).getText()));
        open("/kpis/" + KPI);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Actuals by fiscal year");
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    private static void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        submitLogin(username);
    }

    private static void submitLogin(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(LedgerHttp.passwordOf(username));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitPage(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("tr.kpi-row"));
    }

    private static WebElement tableRow(String tableId, String firstCell) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(firstCell)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + firstCell + " in #" + tableId));
    }

    /** Reloads until the condition holds: the projections catch up with the writes of the set-up a moment later. */
    private static void awaitPage(BooleanSupplier ready) {
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200)).until(driver -> {
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
