package org.kpiledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.kpiledger.integrity.chain.GroupCommitAppender;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The write path at two store sizes (issue 22): on a fresh embedded PostgreSQL each, raw durable single-row inserts
 * at 8 and 32 clients, then the ledger over a store of that many events (written straight into the store, chained,
 * the projections caught up), and its HTTP writes of one event each at 8 and 32 connections spread over thousands of
 * KPIs (each client corrects its own share of them in turn, so the aggregate cache misses at first), with the rows
 * PostgreSQL read per stored event during the 8-connection load ({@code pg_stat_user_tables}: sequential rows read
 * and rows fetched through indexes, in every table) and the tables that read most.
 *
 * <p>{@code java -jar benchmark/target/kpi-ledger-benchmark.jar writes [seconds] [events ...]}, by default 30 s and
 * 1000 1000000.
 */
final class WritePathBenchmark {

    private static final int MAX_KPIS = 5_000;
    /** How long a PostgreSQL backend may keep its table statistics before reporting them when idle (PG 15+). */
    private static final Duration STATISTICS_FLUSH = Duration.ofSeconds(11);
    private static final int TABLES_SHOWN = 4;
    private static final int STATEMENT_SHOWN = 160;
    private static final AtomicInteger REFUSALS_SHOWN = new AtomicInteger(5);
    /** Every correction sets a value no correction set before, so none is refused as changing nothing. */
    private static final AtomicLong VALUES = new AtomicLong(1_000);

    private WritePathBenchmark() {
    }

    /** Rows PostgreSQL read during a load, in all, by table, and how many events the load stored. */
    record RowsRead(long rows, long events, Map<String, Long> byTable) {

        double perEvent() {
            return events == 0 ? 0 : (double) rows / events;
        }
    }

    record StoreSize(long events, int kpis, LiveBenchmark.Load raw8, LiveBenchmark.Load raw32,
            LiveBenchmark.Load writes8, LiveBenchmark.Load writes32, RowsRead rowsRead) {
    }

    static List<StoreSize> measure(Duration load, long... sizes) throws Exception {
        List<StoreSize> results = new ArrayList<>();
        for (long size : sizes) {
            results.add(measure(load, size));
            System.out.println(table(results));
        }
        return results;
    }

    private static StoreSize measure(Duration load, long events) throws Exception {
        int kpis = (int) Math.min(MAX_KPIS, events / 2);
        int eventsPerKpi = (int) (events / kpis);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
            LiveBenchmark.Load raw8 = LiveBenchmark.rawInserts(postgres, 8, load);
            LiveBenchmark.Load raw32 = LiveBenchmark.rawInserts(postgres, 32, load);
            ConfigurableApplicationContext ledger = LedgerBenchmark.startLedger(postgres, "--kpi-ledger.catalog=none");
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                int[] next = {0};
                LedgerBenchmark.storeStraight(connection, ledger.getBean("eventSerializer", Serializer.class),
                        (long) kpis * eventsPerKpi, () -> new LedgerBenchmark.Stream(kpiId(next[0]++), eventsPerKpi),
                        true);
                awaitProjections(ledger, LedgerBenchmark.count(connection,
                        "select max(global_index) from domain_event_entry"));
                // a store loaded in minutes has not been vacuumed and analyzed yet, as one grown over years has
                try (Statement vacuum = connection.createStatement()) {
                    vacuum.execute("vacuum analyze");
                }
                int port = LedgerBenchmark.port(ledger);
                String admin = LedgerBenchmark.admin();
                corrections(port, admin, 8, kpis, load); // warms the JIT up; not counted
                GroupCommitAppender appender = ledger.getBean(GroupCommitAppender.class);
                Map<String, Long> before = rowsRead(connection);
                resetStatements(connection);
                GroupCommitAppender.Statistics appendedBefore = appender.statistics();
                LiveBenchmark.Load writes8 = corrections(port, admin, 8, kpis, load);
                GroupCommitAppender.Statistics appended = appender.statistics();
                long stored = appended.events() - appendedBefore.events();
                RowsRead rows = difference(before, rowsRead(connection), stored);
                System.out.printf(Locale.ROOT, "%nThe appender stored %,d events in %,d transactions (%.1f a batch)%n",
                        stored, appended.batches() - appendedBefore.batches(),
                        (double) stored / Math.max(1, appended.batches() - appendedBefore.batches()));
                System.out.println(statements(connection, events, stored));
                LiveBenchmark.Load writes32 = corrections(port, admin, 32, kpis, load);
                return new StoreSize((long) kpis * eventsPerKpi, kpis, raw8, raw32, writes8, writes32, rows);
            } finally {
                ledger.close();
            }
        }
    }

    static String kpiId(int kpi) {
        return "wp-" + kpi;
    }

    /**
     * HTTP writes of one event each: client {@code c} of {@code n} corrects FY2015 of KPIs {@code c}, {@code c + n},
     * ... in turn, whatever their version ({@code If-Match: *}).
     */
    private static LiveBenchmark.Load corrections(int port, String admin, int connections, int kpis, Duration load)
            throws Exception {
        return LiveBenchmark.run(connections, load, client -> {
            int[] kpi = {client};
            return () -> {
                HttpResponse<String> answer = LedgerBenchmark.send(LedgerBenchmark.request(port,
                                "/api/v1/kpis/" + kpiId(kpi[0]) + "/actuals/2015", admin)
                        .header("Content-Type", "application/json").header("If-Match", "*")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":" + VALUES.incrementAndGet()
                                + ",\"reason\":\"benchmark\"}")), HttpResponse.BodyHandlers.ofString());
                kpi[0] = kpi[0] + connections < kpis ? kpi[0] + connections : client;
                if (answer.statusCode() != 200 && REFUSALS_SHOWN.getAndDecrement() > 0) {
                    System.err.println("Write refused: " + answer.statusCode() + " " + answer.body());
                }
                return answer.statusCode() == 200;
            };
        });
    }

    private static void awaitProjections(ConfigurableApplicationContext ledger, long position)
            throws InterruptedException {
        EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
        for (var processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor) {
                LedgerBenchmark.awaitProcessed(processing, processor.getKey(), position);
            }
        }
    }

    /** Rows read so far by table, once every backend has reported its statistics. */
    private static Map<String, Long> rowsRead(Connection connection) throws SQLException, InterruptedException {
        Thread.sleep(STATISTICS_FLUSH.toMillis());
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet table = statement.executeQuery(
                "select relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_user_tables")) {
            while (table.next()) {
                rows.put(table.getString(1), table.getLong(2));
            }
        }
        return rows;
    }

    private static void resetStatements(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The statements that took PostgreSQL most time during the load, per stored event: what the write path asks of
     * the database, as the profile that says what is left.
     */
    private static String statements(Connection connection, long storeSize, long events) throws SQLException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nStatements during the 8-connection "
                + "load on the store of %,d events (%,d events stored), by time in PostgreSQL:%n%n| statement | calls "
                + "per event | rows per call | ms per event | share of time |%n| --- | ---: | ---: | ---: | ---: |%n",
                storeSize, events));
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("""
                select query, calls, rows, total_exec_time, sum(total_exec_time) over () as all_time
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time desc limit 12""")) {
            while (row.next()) {
                String sql = row.getString(1).replaceAll("\\s+", " ").replace("|", "\\|");
                table.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.1f | %.3f | %.0f %% |%n",
                        sql.substring(0, Math.min(STATEMENT_SHOWN, sql.length())), (double) row.getLong(2) / events, (double) row.getLong(3) / Math.max(1, row.getLong(2)),
                        row.getDouble(4) / events, 100 * row.getDouble(4) / row.getDouble(5)));
            }
        }
        return table.toString();
    }

    private static RowsRead difference(Map<String, Long> before, Map<String, Long> after, long events) {
        Map<String, Long> byTable = new LinkedHashMap<>();
        after.forEach((table, rows) -> byTable.put(table, rows - before.getOrDefault(table, 0L)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        byTable.entrySet().stream().filter(table -> table.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(table -> sorted.put(table.getKey(), table.getValue()));
        return new RowsRead(sorted.values().stream().mapToLong(Long::longValue).sum(), events, sorted);
    }

    static String table(List<StoreSize> sizes) {
        StringBuilder table = new StringBuilder(LedgerBenchmark.machine());
        table.append("| events in the store | KPIs written | raw inserts, 8 / 32 clients | HTTP writes, 8 connections "
                + "| ratio | HTTP writes, 32 connections | ratio | rows read per stored event (8 connections) "
                + "| tables read most |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (StoreSize size : sizes) {
            StringBuilder tables = new StringBuilder();
            size.rowsRead().byTable().entrySet().stream().limit(TABLES_SHOWN).forEach(read -> tables.append(
                    tables.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", read.getKey(),
                    (double) read.getValue() / Math.max(1, size.rowsRead().events()))));
            table.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f /s / %,.0f /s | %,.0f /s (p50 %.1f ms, p99 "
                            + "%.1f ms, %d errors) | %.1f %% | %,.0f /s (p50 %.1f ms, p99 %.1f ms, %d errors) | %.1f %% "
                            + "| %.1f | %s |%n", size.events(), size.kpis(), size.raw8().perSecond(),
                    size.raw32().perSecond(), size.writes8().perSecond(), size.writes8().p50(), size.writes8().p99(),
                    size.writes8().errors(), 100 * size.writes8().perSecond() / size.raw8().perSecond(),
                    size.writes32().perSecond(), size.writes32().p50(), size.writes32().p99(),
                    size.writes32().errors(), 100 * size.writes32().perSecond() / size.raw32().perSecond(),
                    size.rowsRead().perEvent(), tables));
        }
        return table.toString();
    }
}
