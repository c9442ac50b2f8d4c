package org.kpiledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reporting cycle's bulk of figures: one request of 1,000 and one of 10,000 figures (each a new actual of its own
 * KPI, so one event each, hash-chained), stored all or nothing in one transaction, next to a raw multi-row
 * {@code INSERT} of as many rows in one transaction on the same server. The KPIs come from a generated catalog of
 * one plan loaded at start.
 */
final class BulkBenchmark {

    private static final String PLAN = "bench-2015";
    private static final int CATALOG_CHUNK = 1_000;

    private BulkBenchmark() {
    }

    /** One bulk's figures: rows per second through the ledger, and raw. */
    record Bulk(int figures, double seconds, double perSecond, double rawPerSecond, int status) {
    }

    static List<Bulk> measure(int... sizes) throws Exception {
        int kpis = Arrays.stream(sizes).max().orElseThrow();
        try (EmbeddedPostgres postgres = LedgerBenchmark.durablePostgres()) {
            ConfigurableApplicationContext ledger = LedgerBenchmark.startLedger(postgres, "--kpi-ledger.catalog=none");
            try {
                int port = LedgerBenchmark.port(ledger);
                String admin = LedgerBenchmark.admin();
                // a catalog import is one transaction; a thousand KPIs at a time keeps each short
                for (int first = 0; first < kpis; first += CATALOG_CHUNK) {
                    require(LedgerBenchmark.send(LedgerBenchmark.request(port, "/api/v1/catalogs", admin)
                            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                                    catalog(first, Math.min(kpis, first + CATALOG_CHUNK)))),
                            HttpResponse.BodyHandlers.ofString()), 200);
                }
                awaitPlan(port, admin, PLAN, Duration.ofMinutes(5));
                List<Bulk> bulks = new ArrayList<>();
                int fiscalYear = 2016;
                for (int size : sizes) {
                    bulks.add(bulk(postgres, port, admin, size, fiscalYear++));
                }
                return bulks;
            } finally {
                ledger.close();
            }
        }
    }

    private static Bulk bulk(EmbeddedPostgres postgres, int port, String admin, int size, int fiscalYear)
            throws Exception {
        HttpResponse<String> opened = send(port, admin, "/api/v1/strategies/" + PLAN + "/periods",
                "{\"fiscalYear\":" + fiscalYear + ",\"dueDate\":\"" + (fiscalYear + 1) + "-06-30\"}");
        require(opened, 201);
        StringBuilder body = new StringBuilder("{\"figures\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append("{\"kpiId\":\"").append(kpiId(i)).append("\",\"value\":")
                    .append(7 + i % 13).append('}');
        }
        body.append("]}");
        long started = System.nanoTime();
        HttpResponse<String> stored = send(port, admin, "/api/v1/strategies/" + PLAN + "/periods/" + fiscalYear
                + "/figures", body.toString());
        double seconds = LedgerBenchmark.seconds(System.nanoTime() - started);
        require(stored, 200);
        return new Bulk(size, seconds, size / seconds, rawMultiRowInsert(postgres, size), stored.statusCode());
    }

    /** {@code size} rows of the size of a stored event, in one multi-row INSERT, in one durable transaction. */
    private static double rawMultiRowInsert(EmbeddedPostgres postgres, int size) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists raw");
                statement.execute("""
                        create table if not exists raw.raw_bulk (id bigserial primary key,
                            aggregate_identifier varchar(255) not null, sequence_number bigint not null,
                            payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number))""");
                statement.execute("truncate raw.raw_bulk");
            }
            byte[] payload = new byte[400];
            Arrays.fill(payload, (byte) 'x');
            int perStatement = 1000;
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int first = 0; first < size; first += perStatement) {
                int rows = Math.min(perStatement, size - first);
                StringBuilder sql = new StringBuilder("insert into raw.raw_bulk (aggregate_identifier, "
                        + "sequence_number, payload, meta_data) values ");
                for (int row = 0; row < rows; row++) {
                    sql.append(row == 0 ? "" : ",").append("(?, ?, ?, ?)");
                }
                try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    for (int row = 0; row < rows; row++) {
                        insert.setString(4 * row + 1, kpiId(first + row));
                        insert.setLong(4 * row + 2, 3);
                        insert.setBytes(4 * row + 3, payload);
                        insert.setBytes(4 * row + 4, payload);
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return size / LedgerBenchmark.seconds(System.nanoTime() - started);
        }
    }

    /** The shipped catalog's first row as a template, once per KPI of a plan of its own. */
    private static String catalog(int from, int to) throws IOException {
        String[] lines;
        try (InputStream shipped = BulkBenchmark.class.getResourceAsStream("/catalog/shinagawa-2015.csv")) {
            lines = new String(shipped.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        StringBuilder csv = new StringBuilder(lines[0]).append('\n');
        String template = lines[1].substring(lines[1].indexOf(',', lines[1].indexOf(',') + 1));
        for (int i = from; i < to; i++) {
            csv.append(kpiId(i)).append(',').append(PLAN).append(template).append('\n');
        }
        return csv.toString();
    }

    private static String kpiId(int i) {
        return String.format(Locale.ROOT, "b-%05d", i);
    }

    /** Waits until the query side answers the plan, that is until the catalog that defines it is projected. */
    static void awaitPlan(int port, String admin, String plan, Duration within) throws InterruptedException {
        awaitReadable(port, admin, "/api/v1/strategies/" + plan, within);
    }

    /** Waits until the path answers 200, as the projections catch up with what was written. */
    static void awaitReadable(int port, String authorization, String path, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (LedgerBenchmark.send(LedgerBenchmark.request(port, path, authorization).GET(),
                HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " was not readable within " + within);
            }
            Thread.sleep(100);
        }
    }

    static HttpResponse<String> send(int port, String admin, String path, String json) {
        return LedgerBenchmark.send(LedgerBenchmark.request(port, path, admin).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
    }

    static String table(List<Bulk> bulks) {
        StringBuilder table = new StringBuilder(LedgerBenchmark.machine());
        table.append("| figures in one request | raw multi-row INSERT, one transaction | kpi-ledger bulk "
                + "(`POST …/periods/{fy}/figures`) | ratio |\n| ---: | ---: | ---: | ---: |\n");
        for (Bulk bulk : bulks) {
            table.append(String.format(Locale.ROOT, "| %,d | %,.0f rows/s | %,.0f figures/s (%.2f s) | %.1f %% |%n",
                    bulk.figures(), bulk.rawPerSecond(), bulk.perSecond(), bulk.seconds(),
                    100 * bulk.perSecond() / bulk.rawPerSecond()));
        }
        return table.toString();
    }
}
