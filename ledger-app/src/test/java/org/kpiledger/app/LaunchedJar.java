package org.kpiledger.app;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A runnable jar the build produced, started with {@code java -jar} as an operating-system process of its own,
 * configured through environment variables only, the way an operator starts it.
 */
final class LaunchedJar implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern EMBEDDED_JDBC_URL =
            Pattern.compile("Embedded PostgreSQL listening on (jdbc:postgresql://[^\\s;]+)");

    private final Process process;
    private final Path log;
    private final LedgerHttp http;

    private LaunchedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.http = new LedgerHttp(port);
    }

    /** The jar's path, handed to the tests by the build in the given system property. */
    static Path builtJar(String systemProperty) {
        String location = System.getProperty(systemProperty);
        if (location == null || !Files.isRegularFile(Path.of(location))) {
            fail("No runnable jar at " + location + " (system property " + systemProperty
                    + "): run the tests through Maven's verify phase, which packages the jars first");
        }
        return Path.of(location);
    }

    /** Starts the jar on a free port (given as both PORT and SERVER_PORT) and waits until it reports healthy. */
    static LaunchedJar start(Path jar, Map<String, String> environment) {
        int port = freePort();
        try {
            Path log = Files.createTempFile(Paths.get("target"), jar.getFileName() + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("KPI_LEDGER_"));
            builder.environment().putAll(environment);
            if (!environment.containsKey("KPI_LEDGER_INTEGRITY_SIGNING_KEY_FILE")) {
                // beside the data directory, so that a restart on the same data signs with the same key
                Path keys = environment.containsKey("KPI_LEDGER_DATA_DIR")
                        ? Path.of(environment.get("KPI_LEDGER_DATA_DIR") + "-keys")
                        : Files.createTempDirectory("kpi-ledger-keys");
                builder.environment().put("KPI_LEDGER_INTEGRITY_SIGNING_KEY_FILE",
                        keys.resolve("checkpoint-signing-key.pem").toString());
            }
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            LaunchedJar launched = new LaunchedJar(builder.start(), log, port);
            launched.awaitHealthy();
            return launched;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client that has not signed in. */
    LedgerHttp http() {
        return http;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The embedded database of a jar started on a data directory, as its operator reaches it: the superuser, with the
     * password the jar generated at its first start into the data directory.
     */
    JdbcTemplate embeddedDatabaseAsOperator(Path dataDirectory) {
        Matcher url = EMBEDDED_JDBC_URL.matcher(log());
        if (!url.find()) {
            fail("The log names no embedded PostgreSQL address:%n%s", log());
        }
        try {
            return new JdbcTemplate(new DriverManagerDataSource(url.group(1), "postgres",
                    Files.readString(dataDirectory.resolve("postgres.password")).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operating system's id of the process, which Axon names a token claim's owner by ({@code pid@host}). */
    long pid() {
        return process.pid();
    }

    /** Kills the process with SIGKILL, as a crash or an impatient operator would: nothing of it runs any more. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process the way an operator does (SIGTERM), so that it shuts down gracefully. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("The process did not stop within a minute of SIGTERM; its log:%n%s", log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The process exited with %d before it was healthy; its log:%n%s", process.exitValue(), log());
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // the web server is not up yet
            }
            pause();
        }
        process.destroyForcibly();
        fail("The process was not healthy within %s; its log:%n%s", START_TIMEOUT, log());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
