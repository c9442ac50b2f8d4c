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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reporting season's peak for many municipalities on one PostgreSQL primary, simulated on today's ledger, which
 * keeps one chain: the operator creates each municipality as a tenant of its own (a 全国地方公共団体コード and its
 * administrator), whose administrator loads the shipped Shinagawa catalog (72 KPIs) under the tenant's prefix, the
 * same plan and KPI ids in every tenant; then, as in the weeks every department of every city submits, each city's
 * planning division opens FY2016's reporting period and sends the year's sheet in one bulk (72 figures), a number of
 * cities at the same moment. Printed: how long the tenants and catalogs took, figures per second at the peak, the
 * time a city waits for its bulk (p50, p99), the store's size, and next to them the same rows written by raw
 * multi-row INSERTs (72 rows per transaction, as many clients) on the same server.
 *
 * <p>{@code java -jar benchmark/target/kpi-ledger-benchmark.jar season [municipalities] [at once]}, by default
 * 1741 (Japan's municipalities) and 8.
 */
final class SeasonBenchmark {

    private static final int FISCAL_YEAR = 2016;

    private SeasonBenchmark() {
    }

    /**
     * The simulation's figures.
     *
     * @param tenantSeconds  the time to create every city's tenant and administrator, {@code atOnce} at a time
     * @param catalogSeconds the time to load every city's catalog, {@code atOnce} cities at a time
     * @param bulkMillis     each city's bulk, sorted: the time from sending its sheet to the answer
     */
    record Season(int municipalities, int kpisEach, int atOnce, long events, double tenantSeconds,
                  double catalogSeconds,
                  double peakSeconds, List<Double> bulkMillis, double rawRowsPerSecond, long databaseBytes,
                  int refused) {

        double figuresPerSecond() {
            return municipalities * (double) kpisEach / peakSeconds;
        }

        double bulkPercentile(double share) {
            return bulkMillis.get(Math.min(bulkMillis.size() - 1, (int) Math.ceil(share * bulkMillis.size()) - 1));
        }
    }

    static Season measure(int municipalities, int atOnce) throws Exception {
        List<String> shipped = shippedCatalog();
        int kpisEach = shipped.size() - 1;
        try (EmbeddedPostgres postgres = LedgerBenchmark.durablePostgres()) {
            ConfigurableApplicationContext ledger = LedgerBenchmark.startLedger(postgres, "--kpi-ledger.catalog=none");
            try {
                int port = LedgerBenchmark.port(ledger);
                String operator = LedgerBenchmark.admin();
                AtomicInteger refused = new AtomicInteger();
                String catalog = String.join("\n", shipped) + "\n";
                String plan = planOf(shipped);

                long started = System.nanoTime();
                inParallel(municipalities, atOnce, city -> {
                    count(BulkBenchmark.send(port, operator, "/api/v1/tenants", "{\"tenantId\":\"" + tenantOf(city)
                            + "\",\"name\":\"市町村 " + city + "\",\"timeZone\":\"Asia/Tokyo\","
                            + "\"adminPassword\":\"" + adminPasswordOf(city) + "\"}"), 201, refused);
                    return 0.0;
                });
                double tenantSeconds = LedgerBenchmark.seconds(System.nanoTime() - started);

                started = System.nanoTime();
                inParallel(municipalities, atOnce, city -> {
                    HttpResponse<String> loaded = LedgerBenchmark.send(LedgerBenchmark.request(port,
                            prefixOf(city) + "/api/v1/catalogs", adminOf(city)).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(catalog)), HttpResponse.BodyHandlers.ofString());
                    count(loaded, 200, refused);
                    return 0.0;
                });
                double catalogSeconds = LedgerBenchmark.seconds(System.nanoTime() - started);
                if (refused.get() > 0) {
                    throw new IllegalStateException(refused.get() + " tenants or catalogs refused: see the first above");
                }
                int last = municipalities - 1;
                BulkBenchmark.awaitReadable(port, adminOf(last), prefixOf(last) + "/api/v1/strategies/" + plan,
                        Duration.ofMinutes(10));

                started = System.nanoTime();
                List<Double> bulkMillis = inParallel(municipalities, atOnce, city -> {
                    String periods = prefixOf(city) + "/api/v1/strategies/" + plan + "/periods";
                    count(BulkBenchmark.send(port, adminOf(city), periods, "{\"fiscalYear\":" + FISCAL_YEAR
                            + ",\"dueDate\":\"" + (FISCAL_YEAR + 1) + "-06-30\"}"), 201, refused);
                    long sent = System.nanoTime();
                    count(BulkBenchmark.send(port, adminOf(city), periods + "/" + FISCAL_YEAR + "/figures",
                            sheetOf(shipped, city)), 200, refused);
                    return (System.nanoTime() - sent) / 1e6;
                });
                double peakSeconds = LedgerBenchmark.seconds(System.nanoTime() - started);
                Collections.sort(bulkMillis);

                JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
                long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                long bytes = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
                double raw = rawInserts(postgres, municipalities, kpisEach, atOnce);
                return new Season(municipalities, kpisEach, atOnce, events, tenantSeconds, catalogSeconds,
                        peakSeconds, bulkMillis,
                        raw, bytes, refused.get());
            } finally {
                ledger.close();
            }
        }
    }

    private interface CityTask {
        double run(int city) throws Exception;
    }

    /** Runs the task once for every city, {@code atOnce} at a time; answers what each returned. */
    private static List<Double> inParallel(int cities, int atOnce, CityTask task) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int city = 0; city < cities; city++) {
                int which = city;
                results.add(clients.submit(() -> task.run(which)));
            }
            List<Double> values = new ArrayList<>();
            for (Future<Double> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** The rows of the catalog the ledger ships: its header, then one line per KPI. */
    private static List<String> shippedCatalog() throws IOException {
        try (InputStream shipped = SeasonBenchmark.class.getResourceAsStream("/catalog/shinagawa-2015.csv")) {
            return Arrays.stream(new String(shipped.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank()).toList();
        }
    }

    /**
     * The city's 全国地方公共団体コード: a prefecture (01 to 47) and an even number from 100 within it, so never
     * Shinagawa's 13109, then the check digit.
     */
    static String tenantOf(int city) {
        String five = String.format(Locale.ROOT, "%02d%03d", 1 + city % 47, 100 + 2 * (city / 47));
        int sum = 0;
        for (int i = 0; i < five.length(); i++) {
            sum += (five.charAt(i) - '0') * (6 - i);
        }
        return five + (11 - sum % 11) % 10;
    }

    private static String prefixOf(int city) {
        return "/t/" + tenantOf(city);
    }

    private static String adminPasswordOf(int city) {
        return "season-kanrisha-" + tenantOf(city) + "-pass";
    }

    private static String adminOf(int city) {
        return LedgerBenchmark.basic("admin", adminPasswordOf(city));
    }

    /** The plan of the shipped catalog, the second column of its first KPI's row: every city's plan is called so. */
    private static String planOf(List<String> shipped) {
        return shipped.get(1).split(",")[1];
    }

    /** A city's year of figures, one for each of its KPIs. */
    private static String sheetOf(List<String> shipped, int city) {
        StringBuilder body = new StringBuilder("{\"figures\":[");
        for (int row = 1; row < shipped.size(); row++) {
            String line = shipped.get(row);
            body.append(row == 1 ? "" : ",").append("{\"kpiId\":\"")
                    .append(line, 0, line.indexOf(',')).append("\",\"value\":")
                    .append(5 + (city + row) % 17).append('}');
        }
        return body.append("]}").toString();
    }

    /** A KPI's stream as a city's tenant stores it. */
    private static String kpiOf(int city, String shippedId) {
        return tenantOf(city) + ":" + shippedId;
    }

    /** The same rows as the peak's figures, by raw multi-row INSERTs of one city's sheet per transaction. */
    private static double rawInserts(EmbeddedPostgres postgres, int cities, int rowsEach, int atOnce)
            throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists raw");
            statement.execute("""
                    create table raw.raw_season (id bigserial primary key, aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null, payload bytea not null, meta_data bytea,
                        unique (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = new byte[400];
        Arrays.fill(payload, (byte) 'x');
        StringBuilder sql = new StringBuilder("insert into raw.raw_season (aggregate_identifier, sequence_number, "
                + "payload, meta_data) values ");
        for (int row = 0; row < rowsEach; row++) {
            sql.append(row == 0 ? "" : ",").append("(?, ?, ?, ?)");
        }
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(atOnce);
        for (int client = 0; client < atOnce; client++) {
            Connection connection = DriverManager.getConnection(url);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        try {
            long started = System.nanoTime();
            inParallel(cities, atOnce, city -> {
                Connection connection = connections.take();
                try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    for (int row = 0; row < rowsEach; row++) {
                        insert.setString(4 * row + 1, kpiOf(city, String.valueOf(row)));
                        insert.setLong(4 * row + 2, 3);
                        insert.setBytes(4 * row + 3, payload);
                        insert.setBytes(4 * row + 4, payload);
                    }
                    insert.executeUpdate();
                    connection.commit();
                } finally {
                    connections.add(connection);
                }
                return 0.0;
            });
            return cities * (double) rowsEach / LedgerBenchmark.seconds(System.nanoTime() - started);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void count(HttpResponse<String> response, int expected, AtomicInteger refused) {
        if (response.statusCode() != expected) {
            if (refused.getAndIncrement() == 0) {
                System.err.println("Refused: " + response.request().method() + " " + response.request().uri() + " "
                        + response.statusCode() + " " + response.body());
            }
        }
    }

    static String table(Season season) {
        return LedgerBenchmark.machine() + String.format(Locale.ROOT, """
                | the reporting season's peak, simulated | figure |
                | --- | ---: |
                | municipalities, each a tenant with a plan of %d KPIs | %,d |
                | events stored (catalogs, periods, figures) | %,d |
                | tenants created, each with its administrator, %d at a time | %.1f s |
                | catalogs loaded, %d at a time | %.1f s (%,.0f KPIs/s) |
                | the year's sheets, %d municipalities at a time | %,.0f figures/s (%.1f s in all) |
                | raw multi-row INSERT of as many rows, %d clients, one sheet per transaction | %,.0f rows/s |
                | ledger / raw | %.1f %% |
                | a municipality's bulk of %d figures, p50 / p99 | %.0f ms / %.0f ms |
                | database size after the season | %,d MiB |
                | requests refused | %d |
                """, season.kpisEach(), season.municipalities(), season.events(), season.atOnce(),
                season.tenantSeconds(), season.atOnce(), season.catalogSeconds(),
                season.municipalities() * (double) season.kpisEach() / season.catalogSeconds(),
                season.atOnce(), season.figuresPerSecond(), season.peakSeconds(), season.atOnce(),
                season.rawRowsPerSecond(), 100 * season.figuresPerSecond() / season.rawRowsPerSecond(),
                season.kpisEach(), season.bulkPercentile(0.5), season.bulkPercentile(0.99),
                season.databaseBytes() / (1024 * 1024), season.refused());
    }
}
