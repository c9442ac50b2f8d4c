package org.kpiledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.kpiledger.command.CommandSideApplication;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.query.QuerySideApplication;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the ledger writes, reads and rebuilds, printed next to raw PostgreSQL on the same server in the same run.
 *
 * <p>First the live service: on a fresh embedded PostgreSQL (fsync and synchronous_commit on) it measures raw
 * single-row inserts at 8 and 32 clients, then starts the one-process ledger (start-up time), and measures HTTP
 * writes of one event each at 8 and 32 connections, how soon a read sees a write (with {@code minPosition}, and
 * without it by polling), and the resident set before and after the write load. Then the one-process jar the README
 * builds, in a process of its own ({@link StandaloneBenchmark}): start-up and idle resident set as started plainly and
 * with a class data sharing archive, and its resident set through a write load twenty times as long as the others.
 * Then, for each store size, on a
 * fresh PostgreSQL and ledger, it writes that many KPI events straight into the event store (serialized as the
 * ledger serializes them, recorded over 2016-2025), lets the projections catch up, and measures: PostgreSQL's
 * {@code COPY} of the event table in position order, a full rebuild of the temporal KPI tables, the first page of
 * {@code GET /api/v1/kpis} now and as of a past date (95 % into the recorded span), a walk through every page, and
 * the change history of a KPI with 1,000 events.
 *
 * <p>{@code java -jar benchmark/target/kpi-ledger-benchmark.jar [seconds of write load] [events ...]}, by default
 * 30 s and 200000 1000000; {@code none} for no store sizes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.kpiledger", excludeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class LedgerBenchmark {

    private static final int EVENTS_PER_KPI = 200;
    private static final int HISTORY_EVENTS = 1000;
    private static final int READS = 51;
    private static final int WARM_UP_READS = 20;
    private static final Instant FIRST_RECORDED = Instant.parse("2016-04-01T00:00:00Z");
    private static final Instant LAST_RECORDED = Instant.parse("2025-03-31T00:00:00Z");
    static final String ADMIN_PASSWORD = "benchmark-admin-pass";
    /** The tenant the stores loaded in bulk belong to: the deployment's default, Shinagawa. */
    private static final String DEFAULT_TENANT = "131091";
    private static final String SERVICE_ROLE = "kpi_ledger";
    private static final String SERVICE_PASSWORD = "service-role-of-the-benchmark";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("writes")) {
                Duration load = Duration.ofSeconds(args.length < 2 ? 30 : Long.parseLong(args[1]));
                long[] sizes = args.length < 3 ? new long[] {1_000, 1_000_000}
                        : Arrays.stream(args).skip(2).mapToLong(Long::parseLong).toArray();
                System.out.println(WritePathBenchmark.table(WritePathBenchmark.measure(load, sizes)));
                System.exit(0);
            }
            if (args.length > 0 && args[0].equals("store")) {
                List<Result> results = new ArrayList<>();
                for (String size : Arrays.copyOfRange(args, 1, args.length)) {
                    results.add(measure(Long.parseLong(size)));
                    System.out.println(table(results));
                }
                System.exit(0);
            }
            if (args.length > 0 && args[0].equals("season")) {
                int municipalities = args.length < 2 ? 1_741 : Integer.parseInt(args[1]);
                int atOnce = args.length < 3 ? 8 : Integer.parseInt(args[2]);
                System.out.println(SeasonBenchmark.table(SeasonBenchmark.measure(municipalities, atOnce)));
                System.exit(0);
            }
            if (args.length > 0 && args[0].equals("bulk")) {
                int[] sizes = args.length == 1 ? new int[] {1_000, 10_000}
                        : Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
                System.out.println(BulkBenchmark.table(BulkBenchmark.measure(sizes)));
                System.exit(0);
            }
            Duration load = Duration.ofSeconds(args.length == 0 ? 30 : Long.parseLong(args[0]));
            long[] sizes = args.length < 2 ? new long[] {200_000, 1_000_000}
                    : Arrays.stream(args).skip(1).filter(size -> !size.equals("none")).mapToLong(Long::parseLong)
                            .toArray();
            List<BulkBenchmark.Bulk> bulks = BulkBenchmark.measure(1_000, 10_000);
            System.out.println(BulkBenchmark.table(bulks));
            LiveBenchmark.Live live = LiveBenchmark.measure(load);
            System.out.println(LiveBenchmark.table(live));
            StandaloneBenchmark.Standalone standalone = StandaloneBenchmark.measure(load, load.multipliedBy(20), 10);
            System.out.println(StandaloneBenchmark.table(standalone));
            List<Result> results = new ArrayList<>();
            for (long size : sizes) {
                results.add(measure(size));
                System.out.println(table(results));
            }
            System.out.println(BulkBenchmark.table(bulks));
            System.out.println(LiveBenchmark.table(live));
            System.out.println(StandaloneBenchmark.table(standalone));
            System.out.println(table(results));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Axon's event store leaves a non-daemon clean-up thread ("axon-janitor") behind a closed context
        System.exit(0);
    }

    /**
     * One store size's figures. Latencies are medians of {@value #READS} reads after {@value #WARM_UP_READS} not
     * counted, in milliseconds; {@code pageBytes} is
     * the first page as sent, gzip-compressed.
     */
    public record Result(long events, int kpis, double copyRowsPerSecond, double rebuildEventsPerSecond,
            double chainEventsPerSecond, double verifyEventsPerSecond, double firstPageMillis, double asOfFirstPageMillis, double allPagesMillis, double historyMillis,
            int pageBytes) {
    }

    public static Result measure(long events) throws Exception {
        try (EmbeddedPostgres postgres = durablePostgres()) {
            // checkpoints only when asked: the events are loaded behind the ledger's back, then chained
            ConfigurableApplicationContext ledger = startLedger(postgres, "--kpi-ledger.catalog=none",
                    "--kpi-ledger.integrity.checkpoint-interval=24h");
            try {
                return measure(events, postgres, ledger);
            } finally {
                ledger.close();
            }
        }
    }

    /** An embedded PostgreSQL that flushes every commit to disk, as the ledger's own default does. */
    static EmbeddedPostgres durablePostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start();
    }

    /**
     * Starts the ledger as the service runs, under an ordinary role that owns its tables, never the superuser: a
     * superuser passes row-level security by, and would see every tenant's rows as one.
     */
    static ConfigurableApplicationContext startLedger(EmbeddedPostgres postgres, String... arguments) {
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("do $$ begin if not exists (select from pg_roles "
                + "where rolname = '" + SERVICE_ROLE + "') then create role " + SERVICE_ROLE + " login nosuperuser "
                + "nocreatedb nocreaterole password '" + SERVICE_PASSWORD + "'; end if; end $$; "
                + "alter schema public owner to " + SERVICE_ROLE);
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl(SERVICE_ROLE, "postgres"),
                "--spring.datasource.username=" + SERVICE_ROLE, "--spring.datasource.password=" + SERVICE_PASSWORD,
                "--spring.main.banner-mode=off",
                "--kpi-ledger.security.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(LedgerBenchmark.class).run(all.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext ledger) {
        return ((WebServerApplicationContext) ledger).getWebServer().getPort();
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private static Result measure(long events, EmbeddedPostgres postgres, ConfigurableApplicationContext ledger)
            throws Exception {
        int port = port(ledger);
        String admin = admin();
        Serializer serializer = ledger.getBean("eventSerializer", Serializer.class);
        int kpis;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            kpis = load(connection, serializer, events);
            IntegrityChain chain = ledger.getBean(IntegrityChain.class);
            long chaining = System.nanoTime();
            long chained = chain.chainUnchained();
            double chainRate = chained / seconds(System.nanoTime() - chaining);
            long verifying = System.nanoTime();
            IntegrityChain.Verification verification = chain.verifyAll();
            double verifyRate = verification.events() / seconds(System.nanoTime() - verifying);
            if (!verification.verified() || verification.events() != events) {
                throw new IllegalStateException("The loaded store does not verify: " + verification.mismatches());
            }
            long kpiRows = count(connection,
                    "select count(*) from domain_event_entry where type = '" + StreamTypes.KPI + "'");
            long last = count(connection, "select max(global_index) from domain_event_entry");
            EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
            for (String group : List.of("kpi-progress", "ledger-history")) {
                awaitProcessed(processing, group, last);
            }
            requireCount(connection, "select count(*) from kpi_version", kpiRows);
            requireCount(connection, "select count(*) from ledger_change", kpiRows);

            double copy = copyRowsPerSecond(connection);

            StreamingEventProcessor processor = processing
                    .eventProcessor("kpi-progress", StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            long started = System.nanoTime();
            processor.start();
            awaitProcessed(processing, "kpi-progress", last);
            double rebuild = kpiRows / seconds(System.nanoTime() - started);
            requireCount(connection, "select count(*) from kpi_version", kpiRows);

            // late enough that nearly every KPI is registered by then, so both lists hold (nearly) as many
            String asOf = URLEncoder.encode(LAST_RECORDED.minus(Duration.between(FIRST_RECORDED, LAST_RECORDED)
                    .dividedBy(20)).toString(), StandardCharsets.UTF_8);
            int[] pageBytes = {0};
            double firstPage = median(() -> {
                pageBytes[0] = getCompressed(port, "/api/v1/kpis", admin).length;
                return 0;
            });
            double asOfFirstPage = median(() -> {
                getCompressed(port, "/api/v1/kpis?asOf=" + asOf, admin);
                return 0;
            });
            int[] walked = {0};
            double allPages = median(() -> {
                walked[0] = walkAllPages(port, admin);
                return 0;
            });
            if (walked[0] != kpis) {
                throw new IllegalStateException("The pages held " + walked[0] + " KPIs, not " + kpis);
            }
            double history = median(() -> {
                get(port, "/api/v1/kpis/history-kpi/history", admin);
                return 0;
            });
            return new Result(events, kpis, copy, rebuild, chainRate, verifyRate, firstPage, asOfFirstPage, allPages, history,
                    pageBytes[0]);
        }
    }

    /** Follows {@code next} from the first page to the last; the number of KPIs seen. */
    private static int walkAllPages(int port, String admin) {
        int seen = 0;
        String next = null;
        do {
            String page = get(port, "/api/v1/kpis?limit=1000" + (next == null ? "" : "&after=" + next), admin);
            seen += occurrences(page, "\"kpiId\":");
            Matcher cursor = NEXT.matcher(page);
            next = cursor.find() ? cursor.group(1) : null;
        } while (next != null);
        return seen;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Writes the events straight into the event store, in batches: KPIs of {@value #EVENTS_PER_KPI} events each
     * (registration, ten actuals, corrections), and one KPI with {@value #HISTORY_EVENTS} events.
     */
    private static int load(Connection connection, Serializer serializer, long events) throws SQLException {
        int[] kpis = {0};
        long[] planned = {0};
        storeStraight(connection, serializer, events, () -> {
            int kpi = kpis[0]++;
            int length = (int) Math.min(kpi == 0 ? HISTORY_EVENTS : EVENTS_PER_KPI, events - planned[0]);
            planned[0] += length;
            return new Stream(kpi == 0 ? "history-kpi" : "bench-" + kpi, length);
        }, false);
        return kpis[0];
    }

    /** A KPI's stream to store straight into the event store: its id and how many events it has. */
    record Stream(String kpiId, int events) {
    }

    /**
     * Writes this many events straight into the event store, stream after stream as {@code streams} hands them out,
     * serialized as the ledger serializes them and recorded evenly over 2016-2025, committed 5,000 at a time; when
     * {@code chained}, each batch hash-chained in its own transaction as the ledger chains its appends, so that a
     * running ledger never sees them unchained.
     */
    static void storeStraight(Connection connection, Serializer serializer, long events,
            Supplier<Stream> streams, boolean chained) throws SQLException {
        connection.setAutoCommit(false);
        long written = 0;
        List<String> batch = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, '""" + StreamTypes.KPI + "', ?, ?, ?, ?, ?)")) {
            while (written < events) {
                Stream stream = streams.get();
                for (int sequence = 0; sequence < stream.events(); sequence++) {
                    Instant recordedAt = FIRST_RECORDED.plusMillis((long) ((double) written / events
                            * Duration.between(FIRST_RECORDED, LAST_RECORDED).toMillis()));
                    SerializedObject<byte[]> payload = serializer.serialize(event(stream.kpiId(), sequence),
                            byte[].class);
                    String eventId = UUID.randomUUID().toString();
                    batch.add(eventId);
                    insert.setString(1, eventId);
                    insert.setString(2, stream.kpiId());
                    insert.setLong(3, sequence);
                    insert.setString(4, recordedAt.toString());
                    insert.setString(5, payload.getType().getName());
                    insert.setString(6, payload.getType().getRevision());
                    insert.setBytes(7, payload.getData());
                    insert.setBytes(8, serializer.serialize(MetaData.with(AxonPlatformConfiguration.ACTOR,
                            "bench-staff").and(AxonPlatformConfiguration.ACTOR_DEPARTMENT, "sangyo")
                            .and(AxonPlatformConfiguration.ACTOR_ROLES, "STAFF")
                            .and(AxonPlatformConfiguration.AUTH_METHOD, "HTTP_BASIC")
                            .and(AxonPlatformConfiguration.CORRELATION_ID, "bench-" + written), byte[].class)
                            .getData());
                    insert.addBatch();
                    written++;
                    if (written % 5_000 == 0) {
                        commit(connection, insert, batch, chained);
                    }
                }
            }
            commit(connection, insert, batch, chained);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void commit(Connection connection, PreparedStatement insert, List<String> batch,
            boolean chained) throws SQLException {
        if (chained) {
            try (Statement lock = connection.createStatement()) {
                lock.execute(HashChainingStorageEngine.lockOfChain(DEFAULT_TENANT));
            }
        }
        insert.executeBatch();
        if (chained) {
            HashChainingStorageEngine.chain(connection, batch.toArray(String[]::new));
        }
        connection.commit();
        batch.clear();
    }

    /** Registration, then the actuals of FY2015 to FY2024, then corrections of them in turn. */
    private static KpiEvent event(String kpiId, int sequence) {
        KpiId id = new KpiId(kpiId);
        if (sequence == 0) {
            return new KpiRegisteredEvent(id, "創業支援件数 " + kpiId, "件", Accumulation.ANNUAL, Direction.INCREASE,
                    new Baseline(FiscalYear.of(2014), Quantity.of("10", "件"), null),
                    new Target(FiscalYear.of(2024), Quantity.of("100", "件"), TargetComparator.AT_LEAST),
                    ValueKind.COUNT);
        }
        if (sequence <= 10) {
            return new ActualRecordedEvent(id, FiscalYear.of(2014 + sequence), Quantity.of(
                    Integer.toString(10 + sequence), "件"), null, null);
        }
        int year = yearCorrectedAt(sequence);
        int previous = value(year, sequence - 10);
        return new ActualCorrectedEvent(id, FiscalYear.of(year), Quantity.of(Integer.toString(previous), "件"),
                Quantity.of(Integer.toString(value(year, sequence)), "件"), "見直し");
    }

    /** Events 1 to 10 record FY2015 to FY2024; each later event corrects the year ten events before it. */
    private static int yearCorrectedAt(int sequence) {
        return 2015 + (sequence - 1) % 10;
    }

    /** The figure of a fiscal year after the event at this sequence: its actual, then each correction of it. */
    private static int value(int year, int sequence) {
        return sequence <= 10 ? 10 + (year - 2014) : 10 + (year - 2014) + sequence;
    }

    /** PostgreSQL's own sequential read of the event table in position order, as {@code COPY} streams it. */
    private static double copyRowsPerSecond(Connection connection) throws SQLException, IOException {
        long started = System.nanoTime();
        long rows = new CopyManager(connection.unwrap(BaseConnection.class)).copyOut(
                "copy (select * from domain_event_entry order by global_index) to stdout",
                OutputStream.nullOutputStream());
        return rows / seconds(System.nanoTime() - started);
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Waits until the processor has committed every event up to this position, as its status in memory says (a
     * count of the growing table, polled, would take a core from the rebuild it measures).
     */
    static void awaitProcessed(EventProcessingConfiguration processing, String group, long position)
            throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        // not isReplaying(): a replay token stays one until an event after the reset point arrives
        while (processor.processingStatus().isEmpty() || processor.processingStatus().values().stream().anyMatch(
                status -> status.getCurrentPosition().orElse(-1) < position)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " did not reach position " + position + " within 2 hours");
            }
            Thread.sleep(20);
        }
    }

    private static void requireCount(Connection connection, String sql, long expected) throws SQLException {
        long found = count(connection, sql);
        if (found != expected) {
            throw new IllegalStateException(sql + " found " + found + ", not " + expected);
        }
    }

    static double median(LongSupplier read) {
        for (int warmUp = 0; warmUp < WARM_UP_READS; warmUp++) {
            read.getAsLong();
        }
        double[] millis = new double[READS];
        for (int i = 0; i < READS; i++) {
            long started = System.nanoTime();
            read.getAsLong();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[READS / 2];
    }

    static String get(int port, String path, String authorization) {
        return ok(path, send(request(port, path, authorization).GET(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The answer as sent to a client that accepts gzip. */
    private static byte[] getCompressed(int port, String path, String authorization) {
        return ok(path, send(request(port, path, authorization).header("Accept-Encoding", "gzip").GET(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    static HttpRequest.Builder request(int port, String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
    }

    /** Every request of the benchmark goes through here, over one HTTP/1.1 client. */
    static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T ok(String path, HttpResponse<T> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The figures as a Markdown table, with the machine they were measured on. */
    public static String table(List<Result> results) {
        StringBuilder table = new StringBuilder(machine());
        table.append("| events | KPIs | raw: COPY of the event table in position order | rebuild of the temporal KPI "
                + "tables | ratio | GET /api/v1/kpis first page of 100, now (p50) | same as of a past date (p50) "
                + "| as-of / now | every page of 1,000 (p50) | history of a KPI with 1,000 events (p50) "
                + "| page size, gzip | hash chain of loaded events | verification |\n");
        table.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result result : results) {
            table.append(String.format(Locale.ROOT,
                    "| %,d | %,d | %,.0f rows/s | %,.0f events/s | %.1f %% | %.1f ms | %.1f ms | %.2f | %.1f ms "
                            + "| %.1f ms | %,d B | %,.0f events/s | %,.0f events/s |%n",
                    result.events(), result.kpis(), result.copyRowsPerSecond(), result.rebuildEventsPerSecond(),
                    100 * result.rebuildEventsPerSecond() / result.copyRowsPerSecond(),
                    result.firstPageMillis(), result.asOfFirstPageMillis(),
                    result.asOfFirstPageMillis() / result.firstPageMillis(), result.allPagesMillis(),
                    result.historyMillis(), result.pageBytes(), result.chainEventsPerSecond(),
                    result.verifyEventsPerSecond()));
        }
        return table.toString();
    }

    static String machine() {
        return String.format(Locale.ROOT, "%nkpi-ledger benchmark: %d cores, %d MiB heap max, Java %s, %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
