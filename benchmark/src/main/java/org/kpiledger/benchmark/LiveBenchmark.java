package org.kpiledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kpiledger.integrity.chain.IntegrityConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The live service's figures: writes, freshness, start-up, the strategy tree and memory, next to raw PostgreSQL
 * inserts on the same server. See {@link LedgerBenchmark}.
 */
final class LiveBenchmark {

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final int FRESHNESS_SAMPLES = 200;
    private static final String REGISTRATION = """
            {"kpiId":"%s","name":"武蔵小山創業支援センター入居者のうち、区内で継続する事業者数","unit":"事業者",
             "accumulation":"CUMULATIVE","direction":"INCREASE","baseline":{"fiscalYear":"平成26年度","value":6},
             "target":{"fiscalYear":"平成31年度","value":21,"comparator":"AT_LEAST"}}""";

    private LiveBenchmark() {
    }

    /** Throughput and latency of a load; latencies in milliseconds. */
    record Load(double perSecond, double p50, double p99, long errors) {
    }

    /** How long until a read sees a write, in milliseconds. */
    record Freshness(double p50, double p99) {
    }

    record Live(Duration load, Load rawInserts8, Load rawInserts32, double startupSeconds, Load writes8,
            Load writes32, Load unchainedWrites8, Load unchainedWrites32, double catchUpSeconds, Freshness withMinPosition, Freshness withoutMinPosition,
            double treeMillis, double treeAfterLoadsMillis, long rssIdleMiB, long rssAfterLoadMiB) {
    }

    static Live measure(Duration load) throws Exception {
        try (EmbeddedPostgres postgres = LedgerBenchmark.durablePostgres()) {
            Load raw8 = rawInserts(postgres, 8, load);
            Load raw32 = rawInserts(postgres, 32, load);
            long starting = System.nanoTime();
            ConfigurableApplicationContext ledger = LedgerBenchmark.startLedger(postgres,
                    "--kpi-ledger.catalog=classpath:catalog/shinagawa-2015.csv");
            double startup = LedgerBenchmark.seconds(System.nanoTime() - starting);
            try {
                int port = LedgerBenchmark.port(ledger);
                String admin = LedgerBenchmark.admin();
                awaitCatalog(port, admin);
                double tree = tree(port, admin);
                long rssIdle = residentMiB();
                writes(port, admin, 8, load); // warms the JIT up; not counted
                Load writes8 = writes(port, admin, 8, load);
                Load writes32 = writes(port, admin, 32, load);
                double catchUp = catchUp(port, admin);
                Freshness withMinPosition = readsAfterWrites(port, admin, true);
                Freshness withoutMinPosition = readsAfterWrites(port, admin, false);
                double treeAfterLoads = tree(port, admin);
                long rssAfterLoads = residentMiB();
                ledger.close();
                Load[] unchained = unchainedWrites(load);
                return new Live(load, raw8, raw32, startup, writes8, writes32, unchained[0], unchained[1], catchUp,
                        withMinPosition, withoutMinPosition, tree, treeAfterLoads, rssIdle, rssAfterLoads);
            } finally {
                ledger.close();
            }
        }
    }

    /**
     * The same write loads on a ledger that stores events without the hash chain, on a PostgreSQL of its own: what
     * the chain (a lock held by each appending transaction to its commit) costs.
     */
    private static Load[] unchainedWrites(Duration load) throws Exception {
        try (EmbeddedPostgres postgres = LedgerBenchmark.durablePostgres()) {
            ConfigurableApplicationContext ledger = LedgerBenchmark.startLedger(postgres,
                    "--kpi-ledger.catalog=none", "--" + IntegrityConfiguration.HASH_CHAIN + "=false");
            try {
                int port = LedgerBenchmark.port(ledger);
                String admin = LedgerBenchmark.admin();
                writes(port, admin, 8, load); // warms the JIT up; not counted
                return new Load[] {writes(port, admin, 8, load), writes(port, admin, 32, load)};
            } finally {
                ledger.close();
            }
        }
    }

    private static double tree(int port, String admin) {
        return LedgerBenchmark.median(() -> {
            LedgerBenchmark.get(port, "/api/v1/strategies/shinagawa-2015", admin);
            return 0;
        });
    }

    /** Durable single-row inserts of an event-sized row, each client on its own connection, each in its commit. */
    static Load rawInserts(EmbeddedPostgres postgres, int clients, Duration load) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists raw"); // not public, which Flyway wants empty
            statement.execute("""
                    create table if not exists raw.raw_insert (id bigserial primary key,
                        aggregate_identifier varchar(255) not null, sequence_number bigint not null,
                        payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = new byte[400];
        Arrays.fill(payload, (byte) 'x');
        return run(clients, load, client -> {
            Connection connection = DriverManager.getConnection(url);
            PreparedStatement insert = connection.prepareStatement("insert into raw.raw_insert (aggregate_identifier, "
                    + "sequence_number, payload, meta_data) values (?, ?, ?, ?)");
            String stream = "raw-" + clients + "-" + client;
            long[] sequence = {0};
            return new Client() {
                @Override
                public boolean call() throws SQLException {
                    insert.setString(1, stream);
                    insert.setLong(2, sequence[0]++);
                    insert.setBytes(3, payload);
                    insert.setBytes(4, payload);
                    return insert.executeUpdate() == 1;
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        });
    }

    /** HTTP writes of one event each: corrections of a KPI of the client's own, with the version it last saw. */
    static Load writes(int port, String admin, int connections, Duration load) throws Exception {
        return run(connections, load, client -> {
            String kpi = "load-" + connections + "-" + client + "-" + UUID.randomUUID();
            send(port, "POST", "/api/v1/kpis", admin, null, REGISTRATION.formatted(kpi));
            long[] version = {number(VERSION, send(port, "POST", "/api/v1/kpis/" + kpi + "/actuals", admin, null,
                    "{\"fiscalYear\":2015,\"value\":7}").body())};
            long[] value = {8};
            return () -> {
                HttpResponse<String> answer = send(port, "PUT", "/api/v1/kpis/" + kpi + "/actuals/2015", admin,
                        "\"" + version[0] + "\"", "{\"value\":" + value[0]++ + ",\"reason\":\"benchmark\"}");
                if (answer.statusCode() != 200) {
                    return false;
                }
                version[0] = number(VERSION, answer.body());
                return true;
            };
        });
    }

    /**
     * How long after the write load the projections have handled every event it wrote: the load can write faster
     * than the projections follow, and the freshness figures are about a ledger that is not behind.
     */
    private static double catchUp(int port, String admin) throws InterruptedException {
        long started = System.nanoTime();
        String kpi = "catch-up";
        String written = send(port, "POST", "/api/v1/kpis", admin, null, REGISTRATION.formatted(kpi)).body();
        String path = "/api/v1/kpis/" + kpi + "?minPosition=" + number(POSITION, written);
        long deadline = started + Duration.ofMinutes(10).toNanos();
        while (send(port, "GET", path, admin, null, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The projections did not catch up within 10 minutes");
            }
        }
        return LedgerBenchmark.seconds(System.nanoTime() - started);
    }

    /**
     * Writes one correction at a time, and times the read that follows until it shows the write: with
     * {@code minPosition} one read that waits; without it, reads one after the other until one shows it.
     */
    private static Freshness readsAfterWrites(int port, String admin, boolean withMinPosition) {
        String kpi = "fresh-" + withMinPosition;
        send(port, "POST", "/api/v1/kpis", admin, null, REGISTRATION.formatted(kpi));
        long version = number(VERSION, send(port, "POST", "/api/v1/kpis/" + kpi + "/actuals", admin, null,
                "{\"fiscalYear\":2015,\"value\":7}").body());
        double[] millis = new double[FRESHNESS_SAMPLES];
        for (int sample = 0; sample < FRESHNESS_SAMPLES; sample++) {
            String written = send(port, "PUT", "/api/v1/kpis/" + kpi + "/actuals/2015", admin, "\"" + version + "\"",
                    "{\"value\":" + (8 + sample) + ",\"reason\":\"benchmark\"}").body();
            version = number(VERSION, written);
            long started = System.nanoTime();
            String path = "/api/v1/kpis/" + kpi + (withMinPosition ? "?minPosition=" + number(POSITION, written) : "");
            while (number(VERSION, LedgerBenchmark.get(port, path, admin)) < version) {
                Thread.onSpinWait();
            }
            millis[sample] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Freshness(millis[FRESHNESS_SAMPLES / 2], millis[FRESHNESS_SAMPLES * 99 / 100]);
    }

    /** One client of a load: one operation, whether it succeeded. */
    interface Client extends AutoCloseable {
        boolean call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open(int client) throws Exception;
    }

    /** Runs the clients side by side for the given time; each times its own operations. */
    static Load run(int clients, Duration load, ClientFactory factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            opened.add(factory.open(client));
        }
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long end = System.nanoTime() + load.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (Client client : opened) {
                Callable<long[]> work = () -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    long errors = 0;
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        boolean done = client.call();
                        if (!done) {
                            errors++;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - started;
                    }
                    long[] result = Arrays.copyOf(latencies, count + 1);
                    result[count] = errors;
                    return result;
                };
                results.add(threads.submit(work));
            }
            List<Long> all = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> result : results) {
                long[] latencies = result.get();
                for (int i = 0; i < latencies.length - 1; i++) {
                    all.add(latencies[i]);
                }
                errors += latencies[latencies.length - 1];
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Load(sorted.length / (load.toNanos() / 1e9), sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6, errors);
        } finally {
            threads.shutdownNow();
            for (Client client : opened) {
                client.close();
            }
        }
    }

    static void awaitCatalog(int port, String admin) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> tree;
        while ((tree = send(port, "GET", "/api/v1/strategies/shinagawa-2015", admin, null, null)).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The catalog was not loaded within 2 minutes: " + tree.body());
            }
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String authorization,
            String ifMatch, String body) {
        HttpRequest.Builder request = LedgerBenchmark.request(port, path, authorization).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return LedgerBenchmark.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long number(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The resident set of this JVM (the ledger and the load generator; PostgreSQL runs in its own processes). */
    private static long residentMiB() throws IOException {
        return residentMiB(Path.of("/proc/self/status"));
    }

    /** The resident set of a process, from its {@code /proc/<pid>/status}. */
    static long residentMiB(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static String table(Live live) {
        StringBuilder table = new StringBuilder(LedgerBenchmark.machine());
        table.append("| measure | raw PostgreSQL | kpi-ledger | ratio |\n| --- | ---: | ---: | ---: |\n");
        row(table, "durable single-row inserts vs HTTP writes of one event each, 8 clients / connections",
                live.rawInserts8(), live.writes8());
        row(table, "same at 32 clients / connections", live.rawInserts32(), live.writes32());
        table.append(String.format(Locale.ROOT, "| HTTP writes without the hash chain (its cost), 8 / 32 connections "
                + "| | %,.0f /s (p99 %.1f ms) / %,.0f /s (p99 %.1f ms) | chained: %.0f %% / %.0f %% |%n",
                live.unchainedWrites8().perSecond(), live.unchainedWrites8().p99(),
                live.unchainedWrites32().perSecond(), live.unchainedWrites32().p99(),
                100 * live.writes8().perSecond() / live.unchainedWrites8().perSecond(),
                100 * live.writes32().perSecond() / live.unchainedWrites32().perSecond()));
        table.append(String.format(Locale.ROOT, "| projections caught up with the 32-connection load, after it "
                + "ended | | %.1f s | |%n", live.catchUpSeconds()));
        table.append(String.format(Locale.ROOT, "| a read with `minPosition` right after a write sees it | | "
                + "p50 %.1f ms, p99 %.1f ms | |%n", live.withMinPosition().p50(), live.withMinPosition().p99()));
        table.append(String.format(Locale.ROOT, "| without `minPosition`: reads until one sees the write | | "
                + "p50 %.1f ms, p99 %.1f ms | |%n", live.withoutMinPosition().p50(), live.withoutMinPosition().p99()));
        table.append(String.format(Locale.ROOT, "| the strategy tree of 72 KPIs (p50): after start, after the "
                + "loads | | %.1f ms, %.1f ms | |%n", live.treeMillis(), live.treeAfterLoadsMillis()));
        table.append(String.format(Locale.ROOT, "| start-up of the one-process ledger in this JVM | | %.1f s | |%n",
                live.startupSeconds()));
        table.append(String.format(Locale.ROOT, "| resident set of this JVM: idle, after the write loads (%d s) "
                + "| | %,d MiB, %,d MiB | |%n", 3 * live.load().toSeconds(), live.rssIdleMiB(),
                live.rssAfterLoadMiB()));
        return table.toString();
    }

    private static void row(StringBuilder table, String measure, Load raw, Load ledger) {
        table.append(String.format(Locale.ROOT, "| %s | %,.0f /s (p50 %.2f ms, p99 %.2f ms) | %,.0f /s (p50 %.1f ms,"
                        + " p99 %.1f ms, %d errors) | %.1f %% |%n", measure, raw.perSecond(), raw.p50(), raw.p99(),
                ledger.perSecond(), ledger.p50(), ledger.p99(), ledger.errors(),
                100 * ledger.perSecond() / raw.perSecond()));
    }
}
