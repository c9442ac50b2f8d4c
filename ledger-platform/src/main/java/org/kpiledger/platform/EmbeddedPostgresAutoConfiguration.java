package org.kpiledger.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) inside the process when no external database is
 * configured, and hands its address to Spring Boot's data source. This is the zero-setup default. It is closed to
 * other users of the machine ({@link EmbeddedPostgresAccess}): passwords for everyone, the service an ordinary role.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@Conditional(EmbeddedPostgresAutoConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // The library's own shutdown hook would stop PostgreSQL while Spring's hook is still stopping the event
        // processors, which then cannot release their token claims. Spring closes this bean after them instead, and
        // where nobody closes the context (a test's cached context) Spring's hook stops it once the contexts are done.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                .setRegisterShutdownHook(false)
                // after a crash PostgreSQL replays its write-ahead log before it accepts connections
                .setPGStartupWait(STARTUP_WAIT);
        Path serverLog = null;
        Path dataDirectory = null;
        if (StringUtils.hasText(properties.dataDirectory())) {
            dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(dataDirectory);
            OrphanedPostmaster.stopIfAny(dataDirectory, STARTUP_WAIT);
            // Beside the data directory, not in it: initdb wants an empty directory.
            serverLog = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
            // The library's defaults (fsync off, asynchronous commit) suit throw-away test databases; a ledger kept
            // between runs must not lose an acknowledged write to a crash.
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
            log.info("Embedded PostgreSQL keeps its data in {} and its log in {}", dataDirectory, serverLog);
        }
        // a throw-away cluster still lives in a directory of ours, where its passwords are kept while it runs
        Path cluster = dataDirectory != null ? dataDirectory : Files.createTempDirectory("kpi-ledger-postgres");
        if (dataDirectory == null) {
            builder.setDataDirectory(cluster).setCleanDataDirectory(true);
        }
        EmbeddedPostgresAccess access = new EmbeddedPostgresAccess(cluster);
        String knownPassword = access.superuserPasswordIfSet();
        if (knownPassword != null) {
            builder.setConnectConfig("password", knownPassword);
        }
        EmbeddedPostgresServer postgres;
        try {
            postgres = new EmbeddedPostgresServer(builder, dataDirectory);
            builder.setConnectConfig("password", access.close(postgres.port()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start." + logTail(serverLog), e);
        }
        postgres.useServicePassword(access.servicePassword());
        SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
        log.info("Embedded PostgreSQL listening on {}; the service signs in as {}, the superuser's password is in {}",
                postgres.jdbcUrl(), EmbeddedPostgresAccess.SERVICE_ROLE,
                cluster.resolve(EmbeddedPostgresAccess.SUPERUSER_PASSWORD_FILE));
        return postgres;
    }

    /** The last lines PostgreSQL itself wrote, which say why it did not start. */
    private static String logTail(Path serverLog) {
        if (serverLog == null || !Files.isReadable(serverLog)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
            return " PostgreSQL's log (" + serverLog + ") ends with:" + System.lineSeparator() + String.join(
                    System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return " PostgreSQL's log is in " + serverLog + ".";
        }
    }

    private static void stop(EmbeddedPostgresServer postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedPostgresAccess.SERVICE_ROLE;
            }

            @Override
            public String getPassword() {
                return postgres.servicePassword();
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }

    static class NoExternalDatabase extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            Boolean enabled = environment.getProperty("kpi-ledger.embedded-postgres.enabled", Boolean.class);
            if (enabled != null) {
                return enabled
                        ? ConditionOutcome.match("kpi-ledger.embedded-postgres.enabled is true")
                        : ConditionOutcome.noMatch("kpi-ledger.embedded-postgres.enabled is false");
            }
            return StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                    ? ConditionOutcome.noMatch("spring.datasource.url is set")
                    : ConditionOutcome.match("no external database is configured");
        }
    }
}
