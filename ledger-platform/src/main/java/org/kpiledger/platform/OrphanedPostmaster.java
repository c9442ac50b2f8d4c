package org.kpiledger.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL when an earlier run of the ledger died without stopping it (kill -9,
 * a crash, a power cut of the JVM's container alone). Its postmaster then still runs and holds the data directory,
 * and a new one cannot start. It is stopped only when it is provably that orphan: the process named in
 * {@code postmaster.pid} is a postgres serving this very directory, and no live ledger holds the directory's lock.
 */
final class OrphanedPostmaster {

    /** The lock file the embedded PostgreSQL library takes in the data directory while a ledger runs on it. */
    static final String LIBRARY_LOCK = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfAny(Path dataDirectory, Duration timeout) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = pidOf(pidFile);
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LIBRARY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another kpi-ledger is running on " + dataDirectory
                        + "; stop it first, or give this one another KPI_LEDGER_DATA_DIR.");
            }
            if (pid.isPresent() && isPostgresServing(pid.get(), dataDirectory)) {
                log.warn("PostgreSQL (pid {}) is still running on {}, left by an earlier run that did not stop; "
                        + "stopping it before starting again", pid.get(), dataDirectory);
                stop(pid.get(), pidFile, timeout);
            } else {
                log.info("Removing {}, left by a PostgreSQL that is no longer running", pidFile);
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static void stop(long pid, Path pidFile, Duration timeout) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.ifPresent(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(timeout);
        while (Files.exists(pidFile) && isRunning(pid)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") left by an earlier run did not stop "
                        + "within " + timeout + " of SIGTERM; stop it by hand, then start the ledger again.");
            }
            pause();
        }
        log.info("PostgreSQL (pid {}) left by an earlier run has stopped", pid);
    }

    private static Optional<Long> pidOf(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code pid} is a postgres whose data directory (its {@code -D} argument) is this one. */
    private static boolean isPostgresServing(long pid, Path dataDirectory) throws IOException {
        if (!isRunning(pid)) {
            return false;
        }
        try {
            List<String> arguments = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
                    "cmdline")), StandardCharsets.UTF_8).split("\0"));
            int option = arguments.indexOf("-D");
            return !arguments.isEmpty() && Path.of(arguments.get(0)).getFileName().toString().equals("postgres")
                    && option >= 0 && option + 1 < arguments.size()
                    && Files.isSameFile(Path.of(arguments.get(option + 1)), dataDirectory);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Alive and not a zombie: an exited orphan may wait a moment to be reaped by its new parent. */
    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).strip();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
