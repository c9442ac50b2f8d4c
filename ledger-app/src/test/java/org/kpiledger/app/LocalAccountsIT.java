package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerHttp.passwordOf;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8: local accounts, as an administrator manages them and as their users sign in: HTTP Basic for API
 * clients, the login form with a session and CSRF tokens for browsers, and throttled password guessing.
 */
class LocalAccountsIT {

    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static int port;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        var context = processes.start(LedgerApplication.class);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        admin = LedgerProcesses.http(context);
        assertThat(admin.post("/api/v1/kpis", registerStartups("accounts", "sangyo")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void createsAnAccountWhosePasswordIsKeptOnlyAsAHashAndNeverShown() {
        Reply created = admin.post("/api/v1/users", json(Map.of("username", "kimura", "password",
                "a-long-secret-of-hers", "roles", List.of("STAFF", "AUDITOR"), "department", "sangyo")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("roles")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("STAFF", "AUDITOR");
        JsonNode listed = admin.get("/api/v1/users").json().path("users");
        assertThat(listed.findValuesAsString("username")).contains("admin", "kimura");
        assertThat(admin.get("/api/v1/users").body()).doesNotContain("a-long-secret-of-hers", "bcrypt", "$2a$");
        assertThat(processes.database().queryForObject(
                "select password_hash from user_account where username = 'kimura'", String.class))
                .startsWith("{bcrypt}$2a$").doesNotContain("a-long-secret-of-hers");
        assertThat(admin.anonymous().as("kimura", "a-long-secret-of-hers").get("/api/v1/users/changes").status())
                .as("signs in, and reads the account changes as an auditor").isEqualTo(200);
    }

    @Test
    void refusesAccountsThatCouldNotBeUsedSafely() {
        assertRefused(Map.of("username", "short", "password", "too-short", "roles", List.of("COMMITTEE")),
                400, "password");
        assertRefused(Map.of("username", "long", "password", "長".repeat(25), "roles", List.of("COMMITTEE")),
                400, "password");
        assertRefused(Map.of("username", "nodept", "password", "a-long-password", "roles", List.of("STAFF")),
                400, "department");
        assertRefused(Map.of("username", "me", "password", "a-long-password", "roles", List.of("COMMITTEE")),
                400, "username");
        assertRefused(Map.of("username", "a b", "password", "a-long-password", "roles", List.of("COMMITTEE")),
                400, "username");
        assertRefused(Map.of("username", "role", "password", "a-long-password", "roles", List.of("MAYOR")),
                400, "roles[0]");
        assertRefused(Map.of("username", "admin", "password", "a-long-password", "roles", List.of("COMMITTEE")),
                409, "username");
    }

    @Test
    void refusesPasswordsThatAreGuessedFirst() {
        assertRefused(Map.of("username", "common", "password", "Qwerty123456", "roles", List.of("COMMITTEE")),
                400, "password");
        assertRefused(Map.of("username", "yamamoto", "password", "my-name-is-Yamamoto", "roles",
                List.of("COMMITTEE")), 400, "password");
        LedgerHttp hara = admin.createUser("hara", null, "COMMITTEE");

        Reply same = hara.put("/api/v1/users/me/password", json(Map.of("currentPassword", passwordOf("hara"),
                "newPassword", passwordOf("hara"))));
        Reply sameByTheAdmin = admin.put("/api/v1/users/hara/password", json(Map.of("password", passwordOf("hara"))));

        assertThat(same.status()).isEqualTo(400);
        assertThat(same.problemField()).isEqualTo("newPassword");
        assertThat(same.json().path("detail").asString()).contains("differ from the current one");
        assertThat(sameByTheAdmin.problemField()).isEqualTo("password");
    }

    @Test
    void keepsUsernamesUniqueInAnyLetterCase() {
        admin.createUser("nakamura", null, "COMMITTEE");

        assertRefused(Map.of("username", "Nakamura", "password", "a-long-password", "roles", List.of("COMMITTEE")),
                409, "username");
        assertRefused(Map.of("username", "Admin", "password", "a-long-password", "roles", List.of("ADMIN")),
                409, "username");
    }

    @Test
    void slowsGuessesAtTheCurrentPasswordLikeGuessesAtTheLogin() {
        LedgerHttp stolenSession = admin.createUser("ueda", null, "COMMITTEE");
        for (int guess = 0; guess < 3; guess++) {
            assertThat(stolenSession.put("/api/v1/users/me/password", json(Map.of("currentPassword",
                    "guess-number-" + guess, "newPassword", "taken-over-for-good"))).problemField())
                    .isEqualTo("currentPassword");
        }

        Reply slowed = stolenSession.put("/api/v1/users/me/password", json(Map.of("currentPassword",
                "guess-number-4", "newPassword", "taken-over-for-good")));

        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.problemCode()).isEqualTo("TOO_MANY_LOGIN_FAILURES");
        assertThat(slowed.header("Retry-After")).isNotEmpty();
    }

    @Test
    void disablingReEnablingAndChangingRolesTakeEffectAtTheNextRequestAndAreAudited() {
        LedgerHttp mori = admin.createUser("mori", "sangyo", "STAFF");
        assertThat(mori.post("/api/v1/kpis/accounts/actuals", recordActual(2015, 9)).status()).isEqualTo(201);

        assertThat(admin.put("/api/v1/users/mori/enabled", json(Map.of("enabled", false))).status()).isEqualTo(200);
        assertThat(mori.get("/api/v1/kpis").status()).as("a disabled account cannot sign in").isEqualTo(401);

        assertThat(admin.put("/api/v1/users/mori/enabled", json(Map.of("enabled", true))).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/users/mori/roles", json(Map.of("roles", List.of("COMMITTEE")))).status())
                .isEqualTo(200);
        Reply nowCommittee = mori.post("/api/v1/kpis/accounts/actuals", recordActual(2016, 10));
        assertThat(nowCommittee.status()).isEqualTo(403);
        assertThat(nowCommittee.json().path("detail").asString()).contains("you have COMMITTEE");

        JsonNode changes = admin.get("/api/v1/users/changes?username=mori").json().path("changes");
        assertThat(changes.findValuesAsString("action"))
                .containsExactly("CREATED", "DISABLED", "ENABLED", "ROLES_CHANGED");
        assertThat(changes.findValuesAsString("changedBy")).containsOnly("admin");
        assertThat(changes.get(3).path("roles")).extracting(JsonNode::asString).containsExactly("COMMITTEE");
    }

    @Test
    void aNewPasswordReplacesTheOldOneAtOnce() {
        LedgerHttp ono = admin.createUser("ono", null, "COMMITTEE");
        assertThat(ono.put("/api/v1/users/me/password", json(Map.of("currentPassword", passwordOf("ono"),
                "newPassword", "chose-this-one-myself"))).status()).isEqualTo(204);
        assertThat(ono.get("/api/v1/users/changes").status()).as("the old password").isEqualTo(401);
        LedgerHttp renewed = ono.as("ono", "chose-this-one-myself");
        assertThat(renewed.put("/api/v1/users/me/password", json(Map.of("currentPassword", "chose-this-one-myself",
                "newPassword", "x"))).problemField()).isEqualTo("newPassword");

        assertThat(admin.put("/api/v1/users/ono/password", json(Map.of("password", "reset-by-the-admin")))
                .status()).isEqualTo(204);
        assertThat(renewed.get("/api/v1/kpis").status()).isEqualTo(401);
        assertThat(ono.as("ono", "reset-by-the-admin").get("/api/v1/kpis").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/users/changes?username=ono").json().path("changes")
                .findValuesAsString("changedBy")).containsExactly("admin", "ono", "admin");
    }

    @Test
    void neverLeavesTheLedgerWithoutAnAdministrator() {
        Reply refused = admin.put("/api/v1/users/admin/enabled", json(Map.of("enabled", false)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("LAST_ADMINISTRATOR");
        assertThat(admin.put("/api/v1/users/admin/roles", json(Map.of("roles", List.of("AUDITOR")))).problemCode())
                .isEqualTo("LAST_ADMINISTRATOR");
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void neverLocksOutEveryAccountBehindAnAddressThatFailedOften() {
        LedgerHttp guesser = admin.anonymous();
        IntStream.range(0, 60).forEach(attempt ->
                assertThat(guesser.as("nobody-" + attempt, "guess-" + attempt).get("/api/v1/users/changes").status())
                        .isEqualTo(401));

        assertThat(admin.get("/api/v1/users").status()).as("the administrator, behind the same address").isEqualTo(200);
    }

    @Test
    void slowsGuessingDownForOneAccountFromOneAddressWithoutLockingItForOthers() {
        LedgerHttp abe = admin.createUser("abe", null, "COMMITTEE");
        LedgerHttp guesser = admin.anonymous();
        IntStream.range(0, 3).forEach(attempt ->
                assertThat(guesser.as("abe", "guess-" + attempt).get("/api/v1/users/changes").status()).isEqualTo(401));

        Reply fourthGuess = guesser.as("abe", "guess-4").get("/api/v1/users/changes");
        Reply throttled = abe.get("/api/v1/kpis");

        assertThat(fourthGuess.status()).as("the fourth guess waits").isEqualTo(429);

        assertThat(throttled.status()).as("even the right password waits now").isEqualTo(429);
        assertThat(throttled.problemCode()).isEqualTo("TOO_MANY_LOGIN_FAILURES");
        assertThat(Long.parseLong(throttled.header("Retry-After").get(0))).isBetween(1L, 300L);
        assertThat(admin.get("/api/v1/users").status()).as("other accounts are not locked").isEqualTo(200);
    }

    @Test
    void signsInThroughTheLoginFormAndAsksForTheCsrfTokenOnEveryWriteOfTheSession() throws Exception {
        admin.createUser("fujita", "sangyo", "STAFF");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> loginPage = browser.send(request("/login").GET().build(), body());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String loginToken = csrfToken(loginPage.body());
        assertThat(browser.send(request("/login").POST(form("username", "fujita", "password", passwordOf("fujita")))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), body()).statusCode())
                .as("a login form without its token").isEqualTo(403);
        HttpResponse<String> signedIn = browser.send(request("/login")
                .POST(form("username", "fujita", "password", passwordOf("fujita"), "_csrf", loginToken))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), body());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        long before = processes.eventCount();
        HttpResponse<String> forged = browser.send(request("/api/v1/kpis/accounts/actuals")
                .header("Content-Type", "application/json").POST(publish(recordActual(2017, 12))).build(), body());
        assertThat(forged.statusCode()).as("a write riding on the session without a token").isEqualTo(403);
        assertThat(forged.body()).contains("CSRF_TOKEN_INVALID");
        assertThat(processes.eventCount()).isEqualTo(before);

        String sessionToken = csrfToken(browser.send(request("/login").GET().build(), body()).body());
        HttpResponse<String> recorded = browser.send(request("/api/v1/kpis/accounts/actuals")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", sessionToken)
                .POST(publish(recordActual(2017, 12))).build(), body());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(processes.database().queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = 'accounts' order by sequence_number desc limit 1""", String.class))
                .contains("\"actor\":\"fujita\"", "\"authMethod\":\"FORM_LOGIN\"");
    }

    @Test
    void answersEveryRequestWithTheSecurityHeaders() {
        for (Reply reply : List.of(admin.anonymous().get("/api/v1/kpis"), admin.anonymous().get("/actuator/health"),
                admin.anonymous().post("/api/v1/kpis", "{}"), admin.get("/api/v1/nothing-here"))) {
            assertThat(reply.header("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(reply.header("X-Frame-Options")).containsExactly("DENY");
            assertThat(reply.header("Content-Security-Policy")).singleElement().asString()
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(reply.header("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
            assertThat(reply.header("Strict-Transport-Security")).as("only over TLS").isEmpty();
        }
    }

    private static void assertRefused(Map<String, Object> account, int status, String field) {
        Reply refused = admin.post("/api/v1/users", json(account));

        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.problemField()).isEqualTo(field);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static HttpRequest.BodyPublisher publish(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpRequest.BodyPublisher form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(form.toString());
    }

    private static String csrfToken(String page) throws IOException {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IOException("No CSRF token in the page: " + page);
        }
        return token.group(1);
    }
}
