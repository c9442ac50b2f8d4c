package org.kpiledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL that outlives the applications started against it, the way a deployed database outlives
 * restarts of the command side and the query side. Applications run either in this JVM, where a test can stop and
 * restart them quickly, or as processes of their own from the jars the build produced.
 */
final class LedgerProcesses implements AutoCloseable {

    /** The deployment's default tenant, Shinagawa, unless a test configures another. */
    static final String DEFAULT_TENANT = "131091";
    /** The first administrator's password, given to every application these tests start. */
    static final String ADMIN_PASSWORD = "admin-of-the-test-ledger";
    /** Every Flyway location of the ledger: the platform's and each feature's with tables of its own. */
    static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:db/tenants", "classpath:db/accounts",
            "classpath:db/integrity"};
    /** The ordinary role the applications sign in as, owning the schema, as in production: not a superuser. */
    static final String SERVICE_ROLE = "kpi_ledger";
    static final String SERVICE_PASSWORD = "service-role-of-the-test-ledger";

    private final EmbeddedPostgres postgres;
    /** The checkpoint signing key of this ledger, and beside it the copy of its newest checkpoint. */
    private final Path signingKey;
    private final List<AutoCloseable> running = new ArrayList<>();

    LedgerProcesses() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("create role " + SERVICE_ROLE + " login "
                    + "nosuperuser nocreatedb nocreaterole password '" + SERVICE_PASSWORD + "'; "
                    + "alter schema public owner to " + SERVICE_ROLE);
            signingKey = Files.createTempDirectory("kpi-ledger-keys").resolve("checkpoint-signing-key.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts an application (both sides, or one side alone) on its own free port against the shared database, with
     * no catalog loaded (these tests write their own KPIs) and {@link #ADMIN_PASSWORD} for the first administrator.
     */
    ConfigurableApplicationContext start(Class<?> application, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + SERVICE_ROLE,
                "--spring.datasource.password=" + SERVICE_PASSWORD,
                "--spring.main.banner-mode=off",
                "--kpi-ledger.catalog=none",
                "--kpi-ledger.integrity.signing-key-file=" + signingKey,
                "--kpi-ledger.security.admin-password=" + ADMIN_PASSWORD));
        arguments.addAll(List.of(moreArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run(arguments.toArray(String[]::new));
        running.add(context);
        return context;
    }

    /** Starts a runnable jar as a process of its own against the shared database. */
    LaunchedJar launch(Path jar) {
        return launch(jar, Map.of());
    }

    /** Starts a runnable jar as {@link #launch(Path)} does, with more settings in its environment. */
    LaunchedJar launch(Path jar, Map<String, String> moreEnvironment) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", SERVICE_ROLE,
                "SPRING_DATASOURCE_PASSWORD", SERVICE_PASSWORD,
                "KPI_LEDGER_INTEGRITY_SIGNING_KEY_FILE", signingKey.toString(),
                "KPI_LEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD));
        environment.putAll(moreEnvironment);
        LaunchedJar launched = LaunchedJar.start(jar, environment);
        synchronized (running) {
            running.add(launched);
        }
        return launched;
    }

    Path signingKey() {
        return signingKey;
    }

    int databasePort() {
        return postgres.getPort();
    }

    /** The database's address, without credentials. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** A client of the application, signed in as its first administrator. */
    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort())
                .as("admin", ADMIN_PASSWORD);
    }

    void stop(ConfigurableApplicationContext context) {
        context.close();
        running.remove(context);
    }

    /** The database as its superuser sees it: what a database administrator, or a forger, can do. */
    JdbcTemplate database() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** The database as the service's role sees it. */
    JdbcTemplate serviceDatabase() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), SERVICE_ROLE, SERVICE_PASSWORD));
    }

    long eventCount() {
        return database().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable application : running) {
            application.close();
        }
        postgres.close();
    }
}
