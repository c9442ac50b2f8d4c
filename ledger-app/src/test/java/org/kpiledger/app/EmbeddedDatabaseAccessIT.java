package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 18: the zero-setup embedded PostgreSQL is closed. Nobody on the machine signs in without a password (the
 * library's cluster trusted every local connection as the superuser); the superuser's password is kept for the
 * operator in the data directory, readable by its owner only; the service works as an ordinary role that cannot read
 * the server's files or run programs; and a data directory of an earlier release, open and owned by the superuser,
 * is closed and handed to the service at its next start.
 */
class EmbeddedDatabaseAccessIT {

    private static final Path LEDGER_JAR = LaunchedJar.builtJar("kpi-ledger.jar");

    @TempDir
    Path dataDirectory;

    @Test
    void nobodySignsInWithoutAPasswordAndTheServiceIsNoSuperuser() throws Exception {
        try (LaunchedJar ledger = start()) {
            String url = url(ledger);
            for (String user : List.of("postgres", "kpi_ledger", "nobody")) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, null).close())
                        .as("%s without a password", user).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guessed").close())
                        .as("%s with a guessed password", user).isInstanceOf(SQLException.class);
            }
            for (String file : List.of("postgres.password", "kpi_ledger.password")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).doesNotContain("trust");

            JdbcTemplate operator = ledger.embeddedDatabaseAsOperator(dataDirectory);
            assertThat(operator.queryForObject("select rolsuper from pg_roles where rolname = 'kpi_ledger'",
                    Boolean.class)).as("the service's role is no superuser").isFalse();
            assertThat(operator.queryForList("select distinct pg_get_userbyid(relowner) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'", String.class))
                    .as("the service's role owns its tables").containsExactly("kpi_ledger");

            JdbcTemplate service = new JdbcTemplate(new DriverManagerDataSource(url, "kpi_ledger",
                    Files.readString(dataDirectory.resolve("kpi_ledger.password")).trim()));
            assertThatThrownBy(() -> service.queryForObject("select pg_read_file('postgresql.conf')", String.class))
                    .as("no reading of the server's files").rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> service.execute("copy (select 1) to program 'true'"))
                    .as("no running of programs").rootCause().hasMessageContaining("permission denied");
            assertThat(ledger.http().get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void anOpenStoreOfAnEarlierReleaseIsClosedAndHandedToTheService() throws Exception {
        Path cluster = dataDirectory;
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getJdbcUrl("postgres", "postgres"), "postgres", null)
                    .locations(LedgerProcesses.MIGRATIONS).target("9").load().migrate();
        }
        try (LaunchedJar ledger = start()) {
            JdbcTemplate operator = ledger.embeddedDatabaseAsOperator(dataDirectory);
            assertThat(operator.queryForList("select distinct pg_get_userbyid(relowner) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'", String.class))
                    .containsExactly("kpi_ledger");
            assertThat(operator.queryForObject("select max(version::int) from flyway_schema_history", Integer.class))
                    .as("the service migrated the store further as its own role").isGreaterThan(9);
            assertThat(ledger.http().get("/actuator/health").status()).isEqualTo(200);
        }
    }

    private LaunchedJar start() {
        return LaunchedJar.start(LEDGER_JAR, Map.of("KPI_LEDGER_DATA_DIR", dataDirectory.toString(),
                "KPI_LEDGER_ADMIN_PASSWORD", LedgerProcesses.ADMIN_PASSWORD, "KPI_LEDGER_CATALOG", "none"));
    }

    private static String url(LaunchedJar ledger) {
        String log = ledger.log();
        int at = log.indexOf("jdbc:postgresql://");
        return log.substring(at, log.indexOf(';', at));
    }
}
