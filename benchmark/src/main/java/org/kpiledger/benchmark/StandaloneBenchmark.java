package org.kpiledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-process ledger as users run it: the jar in a process of its own, on its own embedded PostgreSQL, started
 * as the README says and with a class data sharing archive (AppCDS) of its extracted form; its start-up, its resident
 * set when idle, and its resident set through a long write load from this JVM. The second run is also given a heap
 * limit ({@value #HEAP_LIMIT}), as the README recommends for a long-running ledger: without one, the JVM may grow its
 * heap to a quarter of the machine's memory before it collects harder.
 */
final class StandaloneBenchmark {

    private static final Pattern STARTED = Pattern.compile("process running for ([0-9.]+)\\)");
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    static final String HEAP_LIMIT = "-Xmx384m";

    private StandaloneBenchmark() {
    }

    /**
     * @param coldStartSeconds the first start, which creates the database and loads the catalog
     * @param lastSlice the writes of the load's last slice
     * @param errors the writes refused through the whole load
     * @param rssDuringLoadMiB the resident set at the load's start and after each of its slices
     */
    record Standalone(double coldStartSeconds, double startSeconds, long rssIdleMiB, double cdsStartSeconds,
            long cdsRssIdleMiB, Duration load, LiveBenchmark.Load lastSlice, long errors, List<Long> rssDuringLoadMiB) {
    }

    /** The jar the README's first command builds; {@code -Dkpi-ledger.jar=...} names another. */
    static Path ledgerJar() {
        Path jar = Path.of(System.getProperty("kpi-ledger.jar", "ledger-app/target/kpi-ledger.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (./mvnw -B -DskipTests "
                    + "package), and run the benchmark from the repository's root");
        }
        return jar;
    }

    static Standalone measure(Duration idle, Duration load, int samples) throws Exception {
        Path work = Files.createTempDirectory("kpi-ledger-standalone");
        Path extracted = work.resolve("extracted");
        run(work, List.of(java(), "-Djarmode=tools", "-jar", ledgerJar().toAbsolutePath().toString(), "extract",
                "--destination", extracted.toString()));
        String jar = extracted.resolve(ledgerJar().getFileName()).toString();
        Path archive = work.resolve("kpi-ledger.jsa");

        double coldStart;
        try (Ledger first = Ledger.start(work, List.of(), jar)) {
            coldStart = first.startSeconds;
            LiveBenchmark.awaitCatalog(first.port, LedgerBenchmark.admin());
        }
        double start;
        long rssIdle;
        try (Ledger plain = Ledger.start(work, List.of(), jar)) {
            start = plain.startSeconds;
            Thread.sleep(idle.toMillis());
            rssIdle = plain.residentMiB();
        }
        run(work, List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                jar, "--kpi-ledger.security.admin-password=" + LedgerBenchmark.ADMIN_PASSWORD));
        try (Ledger withArchive = Ledger.start(work, List.of("-XX:SharedArchiveFile=" + archive, HEAP_LIMIT),
                jar)) {
            double cdsStart = withArchive.startSeconds;
            Thread.sleep(idle.toMillis());
            long cdsRssIdle = withArchive.residentMiB();
            List<Long> rss = new ArrayList<>(List.of(cdsRssIdle));
            Duration slice = load.dividedBy(samples);
            List<LiveBenchmark.Load> slices = new ArrayList<>();
            for (int sample = 0; sample < samples; sample++) {
                slices.add(LiveBenchmark.writes(withArchive.port, LedgerBenchmark.admin(), 8, slice));
                rss.add(withArchive.residentMiB());
            }
            return new Standalone(coldStart, start, rssIdle, cdsStart, cdsRssIdle, load, slices.get(samples - 1),
                    slices.stream().mapToLong(LiveBenchmark.Load::errors).sum(), rss);
        }
    }

    /** A ledger process, stopped (and its PostgreSQL with it) as an operator would, with SIGTERM. */
    private static final class Ledger implements AutoCloseable {
        private final Process process;
        private final int port;
        private final double startSeconds;

        private Ledger(Process process, int port, double startSeconds) {
            this.process = process;
            this.port = port;
            this.startSeconds = startSeconds;
        }

        static Ledger start(Path work, List<String> jvmOptions, String jar) throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar, "--server.port=" + port,
                    "--kpi-ledger.security.admin-password=" + LedgerBenchmark.ADMIN_PASSWORD));
            Path log = Files.createTempFile(work, "ledger", ".log");
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher started = STARTED.matcher(Files.readString(log));
                if (started.find()) {
                    return new Ledger(process, port, Double.parseDouble(started.group(1)));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException("The ledger did not start: " + Files.readString(log));
        }

        long residentMiB() throws IOException {
            return LiveBenchmark.residentMiB(Path.of("/proc", Long.toString(process.pid()), "status"));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void run(Path work, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "step", ".log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String table(Standalone standalone) {
        StringBuilder table = new StringBuilder("| the one-process jar in its own process | default | with its AppCDS "
                + "archive and " + HEAP_LIMIT + " |\n| --- | ---: | ---: |\n");
        table.append(String.format(Locale.ROOT, "| start-up (`process running for`), first start / later | "
                + "%.1f s / %.1f s | %.1f s |%n", standalone.coldStartSeconds(), standalone.startSeconds(),
                standalone.cdsStartSeconds()));
        table.append(String.format(Locale.ROOT, "| resident set, idle after start | %,d MiB | %,d MiB |%n",
                standalone.rssIdleMiB(), standalone.cdsRssIdleMiB()));
        List<Long> rss = standalone.rssDuringLoadMiB();
        table.append(String.format(Locale.ROOT, "| resident set through %d s of writes at 8 connections (%s) | | "
                + "%s MiB |%n", standalone.load().toSeconds(), rss.size() - 1 + " equal slices",
                String.join(" → ", rss.stream().map(value -> String.format(Locale.ROOT, "%,d", value)).toList())));
        LiveBenchmark.Load writes = standalone.lastSlice();
        table.append(String.format(Locale.ROOT, "| writes in the last slice; errors in the whole load | | %,.0f /s "
                + "(p50 %.1f ms, p99 %.1f ms); %d errors |%n", writes.perSecond(), writes.p50(), writes.p99(),
                standalone.errors()));
        return table.toString();
    }
}
