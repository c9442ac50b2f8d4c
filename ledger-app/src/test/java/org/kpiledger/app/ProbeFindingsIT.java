package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.passwordOf;
import static org.kpiledger.app.LedgerHttp.utf8Header;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Issue 19: each door a security probe found open, tried again the way the probe tried it. Every refusal must also
 * store nothing.
 */
class ProbeFindingsIT {

    private static final String EVIL_HOST = "forged-host.invalid";
    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp staff;
    private static LedgerHttp auditor;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        staff = admin.createUser("kondo", "sangyo", "STAFF");
        auditor = admin.createUser("kansa", null, "AUDITOR");
        assertThat(admin.post("/api/v1/kpis", registerStartups("probe", "sangyo")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/kpis/probe").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void decidesHeadLikeTheGetItShadowsAndRefusesOptions() {
        long before = processes.eventCount();

        Reply staffHead = staff.send("HEAD", "/api/v1/ledger/export", new byte[0], false);
        Reply auditorHead = auditor.send("HEAD", "/api/v1/ledger/export", new byte[0], false);
        Reply options = staff.send("OPTIONS", "/api/v1/kpis", new byte[0], false);

        assertThat(staffHead.status()).as("a HEAD of the auditors' export").isEqualTo(403);
        assertThat(auditorHead.status()).isEqualTo(200);
        assertThat(options.status()).isEqualTo(403);
        assertThat(admin.anonymous().send("OPTIONS", "/api/v1/kpis", new byte[0], false).status()).isEqualTo(401);
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    /** Found by HostileInputPropertiesIT: a form body with a bad percent-encoding answered 500. */
    @Test
    void refusesAFormBodyThatDoesNotDecodeWithAProblemNot500() {
        long before = processes.eventCount();
        for (String path : List.of("/api/v1/kpis/probe/actuals", "/entry/kpis/probe", "/api/v1/kpis")) {
            Reply reply = staff.send("POST", path, "value=%zz&fiscalYear=2016".getBytes(StandardCharsets.UTF_8),
                    false, "Content-Type", "application/x-www-form-urlencoded");
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.problemCode()).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    @Test
    void refusesWhatNoRuleNamesGetIncluded() {
        assertThat(admin.anonymous().get("/api/v1/not-a-door").status()).isEqualTo(401);
        Reply signedIn = staff.get("/api/v1/not-a-door");
        assertThat(signedIn.status()).isEqualTo(403);
        assertThat(signedIn.json().path("reason").asString()).isEqualTo("NO_RULE");
    }

    @Test
    void asksForTheCsrfTokenOfAWriteOnASessionWhateverElseItCarries() {
        Session browser = Session.signIn(admin, "kondo");
        long before = processes.eventCount();

        Reply forged = browser.send("POST", "/api/v1/kpis/probe/actuals", recordActual(2016, 3),
                "Content-Type: application/json", "Authorization: Bearer not-a-token-at-all");
        Reply forgedBasic = browser.send("POST", "/api/v1/kpis/probe/actuals", recordActual(2016, 3),
                "Content-Type: application/json", "Authorization: Basic Og==");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.problemCode()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(forgedBasic.problemCode()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    @Test
    void neverTakesTheHostOfALinkOrRedirectFromTheRequest() {
        Reply toLogin = admin.anonymous().rawFor(EVIL_HOST, "GET", "/audit", "", "Accept: text/html");
        Reply overview = admin.anonymous().rawFor(EVIL_HOST, "GET", "/?lang=en", "", "Accept: text/html");
        Reply apiDocument = admin.anonymous().rawFor(EVIL_HOST, "GET", "/v3/api-docs", "", "Accept: application/json");

        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).containsExactly("/login");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).doesNotContain(EVIL_HOST).contains("href=\"/?lang=ja\"");
        assertThat(apiDocument.body()).doesNotContain(EVIL_HOST);

        Session browser = Session.signInAfter(admin, "kansa", "/audit", EVIL_HOST);
        assertThat(browser.afterSignIn()).isEqualTo("/audit");
    }

    @Test
    void sendsTheSessionCookieOnlyWithRequestsThisSiteStarts() {
        Session browser = Session.signIn(admin, "kondo");

        assertThat(browser.cookieHeader()).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @ParameterizedTest(name = "neutralises a KPI name starting with \"{0}\" in the public CSV and the changes CSV")
    @ValueSource(strings = {"=HYPERLINK(\"https://evil.example\",\"詳細\")", "+1+1", "-2+3", "@SUM(A1)",
            "＝HYPERLINK(\"https://evil.example\")"})
    void writesFormulasAsTextInEveryCsv(String name) throws Exception {
        String kpi = "csv-" + Integer.toHexString(name.hashCode());
        assertThat(admin.post("/api/v1/kpis", registerStartups(kpi)
                .replace("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数", name.replace("\"", "\\\""))).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/kpis/" + kpi).status() == 200);

        String csv = admin.anonymous().get("/api/v1/kpis?format=csv").body().substring(1);

        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).stream().filter(record -> record.get("KPI番号 KPI id").equals(kpi))
                .findFirst().orElseThrow();
        assertThat(row.get("KPI")).isEqualTo("'" + name);
        String changes = admin.get("/api/v1/changes?format=csv&from=2000-01-01").body();
        assertThat(CSVFormat.RFC4180.builder().get().parse(new StringReader(changes.substring(1))).stream()
                .flatMap(record -> record.stream()).filter(cell -> cell.contains(name.substring(1))).toList())
                .as("the changes CSV writes the name as text too").isNotEmpty().allMatch(cell -> cell.startsWith("'"));
    }

    @Test
    void refusesAPositionNoWriteAnsweredAtOnce() {
        long head = processes.database().queryForObject("select max(global_index) from domain_event_entry",
                Long.class);

        Reply ahead = admin.anonymous().get("/api/v1/kpis/probe?minPosition=" + (head + 1_000_000));

        assertThat(ahead.status()).as("refused, not held until the wait ends (503)").isEqualTo(400);
        assertThat(ahead.problemCode()).isEqualTo("POSITION_AHEAD");
        assertThat(ahead.problemField()).isEqualTo("minPosition");
    }

    @Test
    void answersAHeaderValueItCannotReadWithAProblemNotAnError() {
        long before = processes.eventCount();

        Reply reply = staff.raw("POST", "/api/v1/kpis/probe/actuals", recordActual(2017, 4),
                "X-Correlation-Id: " + utf8Header("相関-日本語"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemCode()).isEqualTo("INVALID_HEADER");
        assertThat(reply.problemField()).isEqualTo("X-Correlation-Id");
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    @Test
    void givesTomcatsOwnRefusalsTheSecurityHeaders() {
        Reply refused = admin.anonymous().raw("GET", "/api/v1/kpis/a%2Fb", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(refused.header("X-Frame-Options")).containsExactly("DENY");
        assertThat(refused.header("Content-Security-Policy")).singleElement().asString()
                .contains("frame-ancestors 'none'");
    }

    @ParameterizedTest(name = "refuses a name made of U+{0}")
    @ValueSource(strings = {"3164", "2800", "E0041"})
    void refusesNamesMadeOfInvisibleFillers(String codePoint) {
        String filler = Character.toString(Integer.parseInt(codePoint, 16)).repeat(4);
        long before = processes.eventCount();

        Reply refused = admin.post("/api/v1/kpis", registerStartups("blank-" + codePoint)
                .replace("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数", filler));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemField()).isEqualTo("name");
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    @Test
    void refusesTheEntryPageOfAnotherDepartmentsKpi() {
        LedgerHttp otherStaff = admin.createUser("endo", "kosodate", "STAFF");

        assertThat(otherStaff.get("/entry/kpis/probe", "Accept", "text/html").status()).isEqualTo(403);
        assertThat(staff.get("/entry/kpis/probe", "Accept", "text/html").status()).isEqualTo(200);
    }

    /** A browser's session, driven byte for byte so that nothing (no client library) tidies the requests. */
    private record Session(LedgerHttp http, String host, String cookie, String cookieHeader, String token,
            String afterSignIn) {

        static Session signIn(LedgerHttp http, String username) {
            return signInAfter(http, username, null, "localhost");
        }

        /** Asks for {@code page} first (when given), is sent to the login form, and signs in there. */
        static Session signInAfter(LedgerHttp http, String username, String page, String host) {
            LedgerHttp anonymous = http.anonymous();
            String cookie = null;
            if (page != null) {
                cookie = sessionCookie(anonymous.rawFor(host, "GET", page, "", "Accept: text/html"));
            }
            Reply loginPage = anonymous.rawFor(host, "GET", "/login", "", cookieLines(cookie, "Accept: text/html"));
            cookie = cookie != null ? cookie : sessionCookie(loginPage);
            String form = "username=" + username + "&password="
                    + URLEncoder.encode(passwordOf(username), StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrfToken(loginPage.body()), StandardCharsets.UTF_8);
            Reply signedIn = anonymous.rawFor(host, "POST", "/login", form,
                    cookieLines(cookie, "Content-Type: application/x-www-form-urlencoded"));
            assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
            String newCookie = sessionCookie(signedIn);
            Reply after = anonymous.rawFor(host, "GET", "/login", "", cookieLines(newCookie, "Accept: text/html"));
            return new Session(anonymous, host, newCookie, signedIn.header("Set-Cookie").get(0),
                    csrfToken(after.body()), signedIn.header("Location").get(0));
        }

        Reply send(String method, String path, String body, String... headerLines) {
            return http.rawFor(host, method, path, body, cookieLines(cookie, headerLines));
        }

        private static String[] cookieLines(String cookie, String... others) {
            if (cookie == null) {
                return others;
            }
            String[] lines = new String[others.length + 1];
            lines[0] = "Cookie: " + cookie;
            System.arraycopy(others, 0, lines, 1, others.length);
            return lines;
        }

        private static String sessionCookie(Reply reply) {
            List<String> cookies = reply.header("Set-Cookie");
            assertThat(cookies).as("a session cookie").isNotEmpty();
            return cookies.get(0).split(";", 2)[0];
        }

        private static String csrfToken(String page) {
            Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).as("a CSRF token in the page").isTrue();
            return token.group(1);
        }
    }
}
