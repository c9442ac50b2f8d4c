package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.ACTOR;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpiledger.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The zero-setup default: no database configured, an embedded PostgreSQL whose data outlives the process. */
class EmbeddedDefaultIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsTheLedgerInItsDataDirectoryBetweenRuns() {
        try (ConfigurableApplicationContext first = startWithoutDatabaseSettings()) {
            LedgerHttp http = LedgerProcesses.http(first);
            assertThat(http.post("/api/v1/kpis", registerStartups("1-1-1-01"), ACTOR, "clerk").status())
                    .isEqualTo(201);
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = startWithoutDatabaseSettings()) {
            LedgerHttp http = LedgerProcesses.http(second);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/api/v1/kpis/1-1-1-01").status() == 200);
            assertThat(http.post("/api/v1/kpis", registerStartups("1-1-1-01"), ACTOR, "clerk").problemCode())
                    .isEqualTo("KPI_ALREADY_REGISTERED");
        }
    }

    private ConfigurableApplicationContext startWithoutDatabaseSettings() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--kpi-ledger.embedded-postgres.data-directory=" + dataDirectory);
    }
}
