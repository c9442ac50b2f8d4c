package org.kpiledger.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, kept running: when its postmaster dies (killed, crashed) while the ledger runs, it is
 * started again on the same data directory and port, so the connection pool reconnects by itself; PostgreSQL
 * replays its write-ahead log first, so nothing committed is lost. Requests meanwhile answer 503
 * {@code DATABASE_UNAVAILABLE}. Only a server with a data directory of its own is watched: a throw-away one (the
 * tests') would lose its data on a restart anyway.
 */
final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final EmbeddedPostgres.Builder builder;
    private final Path dataDirectory;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres current;
    /** The processes the postmaster had started when last seen alive: its backends and helpers. */
    private volatile List<ProcessHandle> children = List.of();
    private volatile boolean closed;

    EmbeddedPostgresServer(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        this.builder = builder;
        this.dataDirectory = dataDirectory;
        this.current = builder.start();
        builder.setPort(current.getPort());
        if (dataDirectory == null) {
            watchdog = null;
        } else {
            watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "embedded-postgres-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            watchdog.scheduleWithFixedDelay(this::restartIfDead, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private volatile String servicePassword;

    int port() {
        return current.getPort();
    }

    /** The address of its database, without credentials. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + current.getPort() + "/" + EmbeddedPostgresAccess.DATABASE;
    }

    void useServicePassword(String password) {
        servicePassword = password;
    }

    String servicePassword() {
        return servicePassword;
    }

    private void restartIfDead() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (closed || postmaster.isPresent()) {
            postmaster.ifPresent(alive -> children = alive.descendants().toList());
            return;
        }
        log.error("The embedded PostgreSQL on {} is not running any more; starting it again", dataDirectory);
        // the dead postmaster's backends end by themselves soon; a new one cannot start while they hold its memory
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(stillThere -> child).join();
        }
        try {
            current.close();
            synchronized (this) {
                if (!closed) {
                    current = builder.start();
                    log.warn("The embedded PostgreSQL runs again on port {}, after recovering its log",
                            current.getPort());
                }
            }
        } catch (IOException | RuntimeException notYet) {
            log.warn("The embedded PostgreSQL did not start again yet ({}); trying again in {}", notYet.getMessage(),
                    WATCH_INTERVAL);
        }
    }

    /** The postmaster named in {@code postmaster.pid}, if it is a live process. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException noPidFile) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        current.close();
    }
}
