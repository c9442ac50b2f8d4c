package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerHttp.passwordOf;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.tenancy.CurrentTenant;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23, tenants: the operator creates municipalities, each with its own administrator; accounts, sign-in and
 * idempotency keys are kept apart by tenant down to PostgreSQL's row-level security; a suspended tenant answers 410;
 * what is not yet kept apart by tenant is refused under a tenant's prefix.
 */
class TenantsIT {

    private static final String DEFAULT = "131091";
    private static final String SAPPORO = "011002";
    private static final String MIYAKOJIMA = "472140";
    private static final String SAPPORO_ADMIN_PASSWORD = "sapporo-kanrisha-pass-1";
    private static final String MIYAKOJIMA_ADMIN_PASSWORD = "miyakojima-kanrisha-pass-2";

    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp operator;
    private static LedgerHttp sapporo;
    private static LedgerHttp miyakojima;

    @BeforeAll
    static void startWithTwoTenants() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        operator = LedgerProcesses.http(ledger);
        sapporo = create(SAPPORO, "札幌市", SAPPORO_ADMIN_PASSWORD);
        miyakojima = create(MIYAKOJIMA, "宮古島市", MIYAKOJIMA_ADMIN_PASSWORD);
    }

    private static LedgerHttp create(String tenantId, String name, String adminPassword) {
        Reply created = operator.post("/api/v1/tenants", json(Map.of("tenantId", tenantId, "name", name,
                "timeZone", "Asia/Tokyo", "adminPassword", adminPassword)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(adminPassword);
        return operator.anonymous().underTenant(tenantId).as("admin", adminPassword);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void theOperatorListsEveryTenantAndEachStartsWithItsOwnAdministratorOnly() {
        JsonNode tenants = operator.get("/api/v1/tenants").json().path("tenants");
        assertThat(tenants.findValuesAsString("tenantId")).contains(DEFAULT, SAPPORO, MIYAKOJIMA);
        assertThat(operator.get("/api/v1/tenants/" + SAPPORO).json().path("name").asString()).isEqualTo("札幌市");
        assertThat(operator.get("/api/v1/tenants/" + DEFAULT).json().path("isDefault").asBoolean()).isTrue();

        LedgerHttp hakodate = create("012025", "函館市", "hakodate-kanrisha-pass");
        Reply users = hakodate.get("/api/v1/users");
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        assertThat(users.json().path("users").findValuesAsString("username")).containsExactly("admin");
        assertThat(users.json().path("users").get(0).path("roles")).extracting(JsonNode::asString)
                .containsExactly("ADMIN");
        assertThat(operator.get("/api/v1/users/admin").json().path("roles")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("ADMIN", "OPERATOR");
        assertThat(hakodate.get("/api/v1/users/changes").json().path("changes").findValuesAsString("changedBy"))
                .containsExactly("operator:admin");
    }

    @Test
    void theSameUsernameInTwoTenantsIsTwoPeople() {
        LedgerHttp satoOfSapporo = sapporo.createUser("sato", null, "COMMITTEE");
        LedgerHttp satoOfMiyakojima = miyakojima.createUser("sato", null, "AUDITOR");

        assertThat(sapporo.get("/api/v1/users/sato").json().path("roles").get(0).asString()).isEqualTo("COMMITTEE");
        assertThat(miyakojima.get("/api/v1/users/sato").json().path("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(operator.get("/api/v1/users/sato").status()).as("the default tenant has no sato").isEqualTo(404);
        assertThat(sapporo.put("/api/v1/users/sato/enabled", json(Map.of("enabled", false))).status())
                .isEqualTo(200);
        String wrongCurrent = json(Map.of("currentPassword", "not-my-password", "newPassword", "a-new-long-one"));
        assertThat(satoOfSapporo.put("/api/v1/users/me/password", wrongCurrent).status()).as("disabled")
                .isEqualTo(401);
        assertThat(satoOfMiyakojima.put("/api/v1/users/me/password", wrongCurrent).status())
                .as("signed in, the current password refused").isEqualTo(400);
        assertThat(satoOfMiyakojima.get("/api/v1/users/changes").status())
                .as("Miyakojima's sato, an auditor, is untouched by Sapporo's decision").isEqualTo(200);
        assertThat(satoOfMiyakojima.get("/api/v1/users/changes").json().path("changes")
                .findValuesAsString("action")).doesNotContain("DISABLED");
    }

    @Test
    void aPasswordOfOneTenantDoesNotSignInUnderAnother() {
        LedgerHttp sapporoAdminElsewhere = operator.anonymous().as("admin", SAPPORO_ADMIN_PASSWORD);

        assertThat(sapporoAdminElsewhere.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(sapporoAdminElsewhere.underTenant(MIYAKOJIMA).get("/api/v1/users").status()).isEqualTo(401);
        assertThat(operator.underTenant(SAPPORO).get("/api/v1/users").status())
                .as("the operator's password is the default tenant's").isEqualTo(401);
        assertThat(operator.underTenant(DEFAULT).get("/api/v1/users").status())
                .as("the default tenant's own prefix is the unprefixed ledger").isEqualTo(200);
    }

    @Test
    void aBrowserSessionOfOneTenantIsRefusedUnderAnother() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpCookie session = signIn(browser, "/t/" + SAPPORO, "admin", SAPPORO_ADMIN_PASSWORD);
        assertThat(session.getName()).isEqualTo("SESSION_" + SAPPORO);
        assertThat(session.getPath()).as("the browser sends it to its tenant's URLs only")
                .isEqualTo("/t/" + SAPPORO);

        Reply own = operator.anonymous().underTenant(SAPPORO).get("/api/v1/users", "Cookie", "SESSION_" + SAPPORO
                + "=" + session.getValue());
        Reply elsewhere = operator.anonymous().underTenant(MIYAKOJIMA).get("/api/v1/users", "Cookie", "SESSION_"
                + MIYAKOJIMA + "=" + session.getValue());
        Reply unprefixed = operator.anonymous().get("/api/v1/users", "Cookie", "SESSION=" + session.getValue());

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemCode()).isEqualTo("CREDENTIAL_OF_ANOTHER_TENANT");
        assertThat(unprefixed.status()).isEqualTo(403);
        assertThat(unprefixed.problemCode()).isEqualTo("CREDENTIAL_OF_ANOTHER_TENANT");
        assertThat(operator.anonymous().underTenant(SAPPORO).get("/api/v1/users", "Cookie", "SESSION_" + SAPPORO
                + "=" + session.getValue()).status()).as("the session goes on at home").isEqualTo(200);
    }

    /** The default tenant's cookie has the path "/", under which every tenant's URLs lie. */
    @Test
    void oneBrowserSignedInToTheDefaultTenantSignsInToAnotherBesideIt() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpCookie atHome = signIn(browser, "", "admin", LedgerProcesses.ADMIN_PASSWORD);
        HttpCookie inMiyakojima = signIn(browser, "/t/" + MIYAKOJIMA, "admin", MIYAKOJIMA_ADMIN_PASSWORD);

        assertThat(atHome.getName()).isEqualTo("SESSION");
        assertThat(inMiyakojima.getName()).isEqualTo("SESSION_" + MIYAKOJIMA);
        assertThat(inMiyakojima.getValue()).isNotEqualTo(atHome.getValue());
        assertThat(browserGet(browser, "/api/v1/tenants").statusCode()).as("the operator's session goes on")
                .isEqualTo(200);
        HttpResponse<String> users = browserGet(browser, "/t/" + MIYAKOJIMA + "/api/v1/users");
        assertThat(users.statusCode()).as("not the default tenant's session, refused here: " + users.body())
                .isEqualTo(200);
    }

    /** Signs in through the form under the prefix, as a browser does; the session cookie it was given. */
    private static HttpCookie signIn(HttpClient browser, String prefix, String username, String password)
            throws Exception {
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        String base = operator.baseUrl() + prefix;
        String loginToken = csrfToken(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(loginToken, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(prefix + "/")
                .doesNotContain("error");
        String path = prefix.isEmpty() ? "/" : prefix;
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("SESSION") && path.equals(cookie.getPath()))
                .findFirst().orElseThrow();
    }

    private static HttpResponse<String> browserGet(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(operator.baseUrl() + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The code's queries name no tenant; this one forgets it too, and PostgreSQL still shows one tenant's rows. */
    @Test
    void rowLevelSecurityStopsAQueryThatForgetsTheTenant() throws SQLException {
        sapporo.createUser("only-in-sapporo", null, "COMMITTEE");
        assertThat(processes.database().queryForList("select distinct tenant_id from user_account", String.class))
                .as("the superuser sees every tenant's accounts").contains(DEFAULT, SAPPORO, MIYAKOJIMA);

        JdbcTemplate service = processes.serviceDatabase();
        try (Connection connection = service.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(usernames(statement)).as("a connection that says no tenant sees no account").isEmpty();
            statement.execute("select set_config('kpi_ledger.tenant', '" + SAPPORO + "', false)");
            assertThat(usernames(statement)).contains("admin", "only-in-sapporo").doesNotHaveDuplicates();
            assertThat(count(statement, "select count(*) from user_account where tenant_id <> '" + SAPPORO + "'"))
                    .isZero();
            assertThat(count(statement, "select count(*) from user_account_change where tenant_id <> '" + SAPPORO
                    + "'")).isZero();
            assertThat(count(statement, "select count(*) from user_account where username = 'only-in-sapporo'"))
                    .isOne();
            assertThatThrownBy(() -> statement.execute("insert into user_account (tenant_id, username, "
                    + "password_hash, roles, enabled, created_at) values ('" + MIYAKOJIMA + "', 'planted', 'x', "
                    + "'ADMIN', true, now())")).as("a row written for another tenant")
                    .hasMessageContaining("row-level security");
            connection.setAutoCommit(false);
            assertThat(statement.executeUpdate("update user_account set enabled = false")).as("a forgotten WHERE")
                    .isEqualTo(count(statement, "select count(*) from user_account where tenant_id = '" + SAPPORO
                            + "'"));
            connection.rollback();
            connection.setAutoCommit(true);
            statement.execute("select set_config('kpi_ledger.tenant', '" + MIYAKOJIMA + "', false)");
            assertThat(usernames(statement)).doesNotContain("only-in-sapporo");
        }
        assertThat(operator.get("/api/v1/users").status()).as("the forgotten WHERE touched no other tenant")
                .isEqualTo(200);
    }

    /**
     * The KPI paths are not served under a tenant's prefix yet, so Sapporo's commands are sent as its requests would
     * send them: by the command bus, in Sapporo's name. Both cities have a KPI {@code tn-same}: each has its own
     * stream, its own figures and its own read-model rows, and neither the default tenant's API nor a query that
     * forgets the tenant shows Sapporo's.
     */
    @Test
    void twoTenantsKeepTheSameKpiIdInStreamsAndReadModelsOfTheirOwn() throws SQLException {
        LedgerHttp planner = operator.createUser("tn-planner", null, "PLANNER");
        LedgerHttp staff = operator.createUser("tn-staff", "sangyo", "STAFF");
        assertThat(planner.post("/api/v1/kpis", LedgerRequests.registerStartups("tn-same", "sangyo")).status())
                .isEqualTo(201);
        CommandGateway commands = ledger.getBean(CommandGateway.class);
        MetaData sapporoAdmin = MetaData.with(AxonPlatformConfiguration.ACTOR, "admin")
                .and(AxonPlatformConfiguration.ACTOR_ROLES, "ADMIN");
        KpiId same = new KpiId("tn-same");
        try (CurrentTenant.Scope ignored = CurrentTenant.open(SAPPORO)) {
            commands.sendAndWait(new RegisterKpiCommand(same, "札幌市の創業支援件数", "件", Accumulation.CUMULATIVE,
                    Direction.INCREASE, new Baseline(FiscalYear.parse("平成26年度"), Quantity.of("6", "件"), null),
                    new Target(FiscalYear.parse("平成31年度"), Quantity.of("21", "件"), TargetComparator.AT_LEAST),
                    null), sapporoAdmin);
            commands.sendAndWait(new RecordActualCommand(same, FiscalYear.parse("2015"), new BigDecimal("7"), null,
                    null, null), sapporoAdmin);
            assertThatThrownBy(() -> commands.sendAndWait(new RecordActualCommand(same, FiscalYear.parse("2015"),
                    new BigDecimal("8"), null, null, null), sapporoAdmin))
                    .as("Sapporo's KPI, read from Sapporo's stream, has its FY2015 figure")
                    .hasMessageContaining("2015");
        }
        Reply shinagawasFigure = staff.post("/api/v1/kpis/tn-same/actuals", LedgerRequests.recordActual(2015, 9));
        assertThat(shinagawasFigure.status()).as("Shinagawa's KPI has no FY2015 figure yet: " + shinagawasFigure.body())
                .isEqualTo(201);

        JdbcTemplate superuser = processes.database();
        assertThat(superuser.queryForList("select aggregate_identifier || ' ' || sequence_number || ' ' || "
                + "(convert_from(meta_data, 'UTF8')::jsonb ->> 'tenant') from domain_event_entry "
                + "where aggregate_identifier like '%tn-same'", String.class)).containsExactlyInAnyOrder(
                "tn-same 0 " + DEFAULT, "tn-same 1 " + DEFAULT, "tn-same 2 " + DEFAULT,
                SAPPORO + ":tn-same 0 " + SAPPORO,
                SAPPORO + ":tn-same 1 " + SAPPORO);
        assertThat(superuser.queryForObject("select count(*) from domain_event_entry e left join event_chain c "
                + "on c.global_index = e.global_index where e.aggregate_identifier like '%tn-same' and c.hash is null",
                Long.class)).as("every tenant's events are chained as stored").isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(superuser.queryForList("select tenant_id || ' ' || value from kpi_actual_version "
                    + "where kpi_id = 'tn-same'", String.class))
                    .containsExactlyInAnyOrder(DEFAULT + " 9", SAPPORO + " 7");
            assertThat(superuser.queryForList("select tenant_id || ' ' || subject || ' ' || version "
                    + "from ledger_change where subject = 'tn-same'", String.class)).containsExactlyInAnyOrder(
                    DEFAULT + " tn-same 0", DEFAULT + " tn-same 1", DEFAULT + " tn-same 2", SAPPORO + " tn-same 0",
                    SAPPORO + " tn-same 1");
        });

        assertThat(operator.get("/api/v1/kpis/tn-same").body()).contains("武蔵小山").doesNotContain("札幌市");
        LedgerHttp auditor = operator.createUser("tn-auditor", null, "AUDITOR");
        JsonNode feed = auditor.get("/api/v1/audit/events?kpiId=tn-same").json().path("changes");
        assertThat(feed.findValuesAsString("actor")).as("Shinagawa's events in the audit feed, none of Sapporo's")
                .containsExactly("tn-planner", "tn-planner", "tn-staff");
        try (Connection connection = processes.serviceDatabase().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from kpi_version"))
                    .as("a connection that says no tenant sees no row").isZero();
            statement.execute("select set_config('kpi_ledger.tenant', '" + SAPPORO + "', false)");
            assertThat(strings(statement, "select value::text from kpi_actual_version")).containsExactly("7");
            assertThat(strings(statement, "select distinct name from kpi_version"))
                    .containsExactly("札幌市の創業支援件数");
            statement.execute("select set_config('kpi_ledger.tenant', '" + DEFAULT + "', false)");
            assertThat(strings(statement, "select value::text from kpi_actual_version where kpi_id = 'tn-same'"))
                    .containsExactly("9");
        }
    }

    @Test
    void idempotencyKeysOfTwoTenantsNeverMeet() {
        String body = json(Map.of("username", "kato", "password", passwordOf("kato"), "roles", List.of("COMMITTEE")));

        Reply inSapporo = sapporo.post("/api/v1/users", body, "Idempotency-Key", "same-key");
        Reply inMiyakojima = miyakojima.post("/api/v1/users", body, "Idempotency-Key", "same-key");

        assertThat(inSapporo.status()).isEqualTo(201);
        assertThat(inMiyakojima.status()).isEqualTo(201);
        assertThat(miyakojima.get("/api/v1/users/kato").status())
                .as("created in Miyakojima, not Sapporo's answer replayed").isEqualTo(200);
    }

    @Test
    void aSuspendedTenantAnswers410UntilItIsReactivated() {
        String hirosaki = "022021";
        LedgerHttp admin = create(hirosaki, "弘前市", "hirosaki-kanrisha-pass");
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);

        Reply suspended = operator.put("/api/v1/tenants/" + hirosaki + "/status", json(Map.of("status", "SUSPENDED")));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        for (Reply refused : List.of(admin.get("/api/v1/users"), admin.anonymous().get("/login"),
                admin.anonymous().get("/"), admin.post("/api/v1/users", json(Map.of("username", "x")))) ) {
            assertThat(refused.status()).isEqualTo(410);
            assertThat(refused.problemCode()).isEqualTo("TENANT_SUSPENDED");
        }
        assertThat(operator.put("/api/v1/tenants/" + hirosaki + "/status", json(Map.of("status", "ACTIVE")))
                .json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);

        Reply defaultSuspended = operator.put("/api/v1/tenants/" + DEFAULT + "/status",
                json(Map.of("status", "SUSPENDED")));
        assertThat(defaultSuspended.status()).isEqualTo(409);
        assertThat(defaultSuspended.problemCode()).isEqualTo("DEFAULT_TENANT_STAYS_ACTIVE");
        assertThat(processes.database().queryForList("select action from tenant_change where tenant_id = ? "
                + "order by id", String.class, hirosaki)).containsExactly("CREATED", "SUSPENDED", "REACTIVATED");
    }

    @Test
    void underATenantsPrefixOnlyWhatIsKeptApartByTenantIsServed() {
        for (Reply notYet : List.of(sapporo.get("/api/v1/operations/dead-letters"), sapporo.get("/api/v1/tenants"))) {
            assertThat(notYet.status()).isEqualTo(404);
            assertThat(notYet.problemCode()).isEqualTo("TENANT_FEATURE_NOT_AVAILABLE");
        }
        for (Reply served : List.of(sapporo.get("/api/v1/ledger/export"), sapporo.get("/api/v1/integrity"),
                sapporo.get("/audit"))) {
            assertThat(served.status()).as("each tenant's own chain, served under its prefix").isEqualTo(200);
        }
        assertThat(sapporo.get("/api/v1/publications/p-1").problemCode()).isEqualTo("PUBLICATION_NOT_FOUND");
        for (String unknown : List.of("999999", "131092", "abc", "..")) {
            Reply refused = operator.anonymous().underTenant(unknown).get("/api/v1/users");
            assertThat(refused.status()).as(unknown).isEqualTo(404);
        }
        assertThat(operator.anonymous().underTenant("999999").get("/login").problemCode())
                .isEqualTo("TENANT_NOT_FOUND");
        assertThat(operator.underTenant(DEFAULT).get("/api/v1/kpis").status()).isEqualTo(200);
        assertThat(sapporo.get("/api/v1/kpis").status()).as("Sapporo's KPIs, served under its prefix")
                .isEqualTo(200);
        assertThat(sapporo.anonymous().get("/login").status()).isEqualTo(200);
        assertThat(sapporo.anonymous().get("/login").body()).contains("action=\"/t/" + SAPPORO + "/login\"");
    }

    @Test
    void onlyAnOperatorManagesTenantsAndGrantsOperator() {
        LedgerHttp boss = operator.createUser("boss", null, "ADMIN");
        Reply createdByAnAdmin = boss.post("/api/v1/tenants", json(Map.of("tenantId", "032018", "name", "盛岡市",
                "timeZone", "Asia/Tokyo", "adminPassword", "morioka-kanrisha-pass")));
        assertThat(createdByAnAdmin.status()).isEqualTo(403);

        Reply granted = boss.post("/api/v1/users", json(Map.of("username", "root", "password", passwordOf("root"),
                "roles", List.of("OPERATOR"))));
        Reply demoted = boss.put("/api/v1/users/admin/enabled", json(Map.of("enabled", false)));
        Reply grantedInSapporo = sapporo.put("/api/v1/users/admin/roles", json(Map.of("roles",
                List.of("ADMIN", "OPERATOR"))));

        for (Reply refused : List.of(granted, demoted, grantedInSapporo)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ONLY");
        }
        assertThat(sapporo.get("/api/v1/tenants").status()).isEqualTo(404);

        Reply lastOperatorSteppingDown = operator.put("/api/v1/users/admin/roles", json(Map.of("roles",
                List.of("ADMIN"))));
        assertThat(lastOperatorSteppingDown.status()).as("nobody could make an operator again").isEqualTo(409);
        assertThat(lastOperatorSteppingDown.problemCode()).isEqualTo("LAST_ADMINISTRATOR");
        assertThat(lastOperatorSteppingDown.problemField()).isEqualTo("roles");
        assertThat(operator.get("/api/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void refusesATenantThatCouldNotBeHosted() {
        assertRefused(Map.of("tenantId", "131092", "name", "x", "timeZone", "Asia/Tokyo", "adminPassword",
                "a-long-kanrisha-pass"), 400, "tenantId");
        assertRefused(Map.of("tenantId", "t/1", "name", "x", "timeZone", "Asia/Tokyo", "adminPassword",
                "a-long-kanrisha-pass"), 400, "tenantId");
        assertRefused(Map.of("tenantId", "032018", "name", "盛岡市", "timeZone", "Japan/Morioka", "adminPassword",
                "a-long-kanrisha-pass"), 400, "timeZone");
        assertRefused(Map.of("tenantId", "032018", "name", "盛岡市", "timeZone", "Asia/Tokyo", "adminPassword",
                "short"), 400, "adminPassword");
        assertRefused(Map.of("tenantId", SAPPORO, "name", "札幌市", "timeZone", "Asia/Tokyo", "adminPassword",
                "a-long-kanrisha-pass"), 409, "tenantId");
        assertThat(operator.get("/api/v1/tenants/032018").status()).as("nothing of a refused tenant is stored")
                .isEqualTo(404);
    }

    private static void assertRefused(Map<String, String> body, int status, String field) {
        Reply refused = operator.post("/api/v1/tenants", json(body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.problemField()).isEqualTo(field);
    }

    private static List<String> usernames(Statement statement) throws SQLException {
        return strings(statement, "select username from user_account");
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the page: %s", page).isTrue();
        return token.group(1);
    }
}
