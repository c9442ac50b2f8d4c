package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, strengthened in issue 18: for random sequences of writes to a KPI (actuals, corrections, target
 * revisions, hand-overs, each possibly refused), a model of the KPI predicts each answer (success, or the refusal's
 * code); the KPI's events, read from the event table and folded here, independently of the projections, predict
 * the ledger as of just before, at and just after every event; the read model holds one version row per event; and
 * rebuilding the temporal tables from the event store gives back the very same rows. Seeded cases, {@link Seeds}.
 */
class TemporalModelPropertiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger KPIS = new AtomicInteger();
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp admin;
    private static LedgerHttp committee;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        admin = LedgerProcesses.http(ledger);
        committee = admin.createUser("iinkai", null, "COMMITTEE");
    }

    @AfterAll
    static void rebuildingGivesTheSameRows() throws Exception {
        try {
            String versions = "select * from kpi_version order by kpi_id, version";
            String actuals = "select * from kpi_actual_version order by kpi_id, fiscal_year, version";
            List<Map<String, Object>> kpisBefore = processes.database().queryForList(versions);
            List<Map<String, Object>> actualsBefore = processes.database().queryForList(actuals);

            StreamingEventProcessor processor = ledger.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("kpi-progress", StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(processes.database().queryForObject("select count(*) from kpi_version", Long.class)).isZero();
            processor.start();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> processes.database().queryForList(versions).size() == kpisBefore.size()
                            && processes.database().queryForList(actuals).size() == actualsBefore.size());
            assertThat(processes.database().queryForList(versions)).isEqualTo(kpisBefore);
            assertThat(processes.database().queryForList(actuals)).isEqualTo(actualsBefore);
        } finally {
            processes.close();
        }
    }

    static Stream<Long> seeds() {
        return Seeds.cases(40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theModelPredictsEveryAnswerAndTheEventsPredictTheLedgerAsOfEveryInstant(long seed) {
        List<Write> writes = writes(new Random(seed));
        String kpi = "p-" + KPIS.incrementAndGet();
        Model model = new Model();
        Reply registered = admin.post("/api/v1/kpis", registerStartups(kpi, "sangyo"));
        assertThat(registered.status()).isEqualTo(201);
        long position = registered.json().path("position").asLong();
        for (Write write : writes) {
            String predicted = model.apply(write);
            Reply reply = write.sendTo(admin, kpi);
            if (predicted == null) {
                assertThat(reply.status()).as("%s answered %s", write, reply.body()).isBetween(200, 201);
                position = reply.json().path("position").asLong();
            } else {
                assertThat(reply.problemCode()).as("%s answered %s", write, reply.body()).isEqualTo(predicted);
            }
        }

        JsonNode now = committee.get("/api/v1/kpis/" + kpi + "?minPosition=" + position).json();
        assertThat(now.path("position").asLong()).isEqualTo(position);
        assertThat(State.of(now)).as("the ledger now, against the model").isEqualTo(model.state());

        List<StoredEvent> events = storedEvents(kpi);
        assertThat(processes.database().queryForObject("select count(*) from kpi_version where kpi_id = ?",
                Long.class, kpi)).as("one version row per event").isEqualTo(events.size());
        State folded = null;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            boolean lastAtItsInstant = i + 1 == events.size() || events.get(i + 1).at().isAfter(event.at());
            if (i == 0 || events.get(i - 1).at().isBefore(event.at())) {
                assertAsOf(kpi, event.at().minusMillis(1), folded);
            }
            folded = event.foldInto(folded);
            if (lastAtItsInstant) {
                assertAsOf(kpi, event.at(), folded);
                assertAsOf(kpi, event.at().plusMillis(1).minusNanos(1), folded);
            }
        }
        assertThat(folded).as("the events folded, against the model").isEqualTo(model.state());
        pause();
        Instant after = Instant.now();
        JsonNode then = committee.get("/api/v1/kpis/" + kpi + "?asOf="
                + URLEncoder.encode(after.toString(), StandardCharsets.UTF_8)).json();
        assertThat(Instant.parse(then.path("asOf").asString())).isEqualTo(after);
        ((tools.jackson.databind.node.ObjectNode) then).remove("asOf");
        assertThat(then).isEqualTo(now);
    }

    private static void assertAsOf(String kpi, Instant instant, State expected) {
        Reply then = committee.get("/api/v1/kpis/" + kpi + "?asOf=" + URLEncoder.encode(instant.toString(),
                StandardCharsets.UTF_8));
        if (expected == null) {
            assertThat(then.status()).as("as of %s, before the KPI existed", instant).isEqualTo(404);
        } else {
            assertThat(then.status()).as("as of %s", instant).isEqualTo(200);
            assertThat(State.of(then.json())).as("as of %s", instant).isEqualTo(expected);
        }
    }

    static List<Write> writes(Random random) {
        List<Write> writes = new ArrayList<>();
        for (int i = Seeds.between(random, 1, 10); i > 0; i--) {
            writes.add(Seeds.anyOf(random,
                    r -> new Write("record", Seeds.between(r, 2014, 2017), Seeds.between(r, 0, 40)),
                    r -> new Write("correct", Seeds.between(r, 2014, 2017), Seeds.between(r, 0, 40)),
                    r -> new Write("revise", Seeds.between(r, 2015, 2022), Seeds.between(r, 0, 40)),
                    r -> new Write("assign:" + Seeds.oneOf(r, "sangyo", "kikaku"), 0, 0)));
        }
        return writes;
    }

    /** What a KPI is, as far as these writes change it: its version, actuals, target and department. */
    record State(long version, Map<Integer, BigDecimal> actuals, int targetYear, BigDecimal target,
                 String department) {

        static State of(JsonNode kpi) {
            Map<Integer, BigDecimal> actuals = new TreeMap<>();
            kpi.path("actuals").forEach(actual -> actuals.put(actual.path("fiscalYear").asInt(),
                    actual.path("value").decimalValue().stripTrailingZeros()));
            return new State(kpi.path("version").asLong(), actuals, kpi.path("target").path("fiscalYear").asInt(),
                    kpi.path("target").path("value").decimalValue().stripTrailingZeros(),
                    kpi.path("department").asString(null));
        }
    }

    /** The KPI as the rules of the aggregate say each write leaves it, and the refusal they predict. */
    static final class Model {

        private long version = 1;
        private final Map<Integer, BigDecimal> actuals = new TreeMap<>();
        private int targetYear = 2019;
        private BigDecimal target = BigDecimal.valueOf(21);
        private String department = "sangyo";

        /** Applies a write; answers the code of the refusal it predicts, or null for a success. */
        String apply(Write write) {
            BigDecimal value = BigDecimal.valueOf(write.value());
            switch (write.kind()) {
                case "record" -> {
                    if (actuals.containsKey(write.fiscalYear())) {
                        return "ACTUAL_ALREADY_RECORDED";
                    }
                    actuals.put(write.fiscalYear(), value);
                }
                case "correct" -> {
                    BigDecimal previous = actuals.get(write.fiscalYear());
                    if (previous == null) {
                        return "ACTUAL_NOT_RECORDED";
                    }
                    if (previous.compareTo(value) == 0) {
                        return "NOTHING_CHANGED";
                    }
                    actuals.put(write.fiscalYear(), value);
                }
                case "revise" -> {
                    if (targetYear == write.fiscalYear() && target.compareTo(value) == 0) {
                        return "NOTHING_CHANGED";
                    }
                    targetYear = write.fiscalYear();
                    target = value;
                }
                default -> {
                    String assigned = write.kind().substring("assign:".length());
                    if (assigned.equals(department)) {
                        return "NOTHING_CHANGED";
                    }
                    department = assigned;
                }
            }
            version++;
            return null;
        }

        State state() {
            Map<Integer, BigDecimal> stripped = new TreeMap<>();
            actuals.forEach((year, amount) -> stripped.put(year, amount.stripTrailingZeros()));
            return new State(version, stripped, targetYear, target.stripTrailingZeros(), department);
        }
    }

    /** One event of the KPI as the event table holds it. */
    record StoredEvent(long sequence, Instant at, String type, JsonNode payload) {

        /** The KPI after this event, from the KPI before it (null before its registration). */
        State foldInto(State before) {
            if (type.endsWith(".KpiRegisteredEvent")) {
                return new State(sequence, new TreeMap<>(), payload.path("target").path("fiscalYear").path("year")
                        .asInt(), amount(payload.path("target").path("value")), null);
            }
            Map<Integer, BigDecimal> actuals = new TreeMap<>(before.actuals());
            int targetYear = before.targetYear();
            BigDecimal target = before.target();
            String department = before.department();
            if (type.endsWith(".ActualRecordedEvent")) {
                actuals.put(payload.path("fiscalYear").path("year").asInt(), amount(payload.path("value")));
            } else if (type.endsWith(".ActualCorrectedEvent")) {
                actuals.put(payload.path("fiscalYear").path("year").asInt(), amount(payload.path("correctedValue")));
            } else if (type.endsWith(".TargetRevisedEvent")) {
                targetYear = payload.path("revisedTarget").path("fiscalYear").path("year").asInt();
                target = amount(payload.path("revisedTarget").path("value"));
            } else if (type.endsWith(".DepartmentAssignedEvent")) {
                department = payload.path("department").path("code").asString();
            } else {
                throw new AssertionError("The oracle has no fold for " + type);
            }
            return new State(sequence, actuals, targetYear, target, department);
        }

        private static BigDecimal amount(JsonNode quantity) {
            return quantity.path("amount").decimalValue().stripTrailingZeros();
        }
    }

    private static List<StoredEvent> storedEvents(String kpi) {
        return processes.database().query("select sequence_number, time_stamp, payload_type, payload "
                + "from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                (row, n) -> new StoredEvent(row.getLong(1), Instant.parse(row.getString(2)), row.getString(3),
                        JSON.readTree(new String(row.getBytes(4), StandardCharsets.UTF_8))), kpi);
    }

    record Write(String kind, int fiscalYear, int value) {

        Reply sendTo(LedgerHttp http, String kpi) {
            String path = "/api/v1/kpis/" + kpi;
            if (kind.equals("record")) {
                return http.post(path + "/actuals", recordActual(fiscalYear, value));
            }
            if (kind.equals("correct")) {
                return http.put(path + "/actuals/" + fiscalYear, correctActual(value, "見直し"), "If-Match", "*");
            }
            if (kind.equals("revise")) {
                return http.put(path + "/target", reviseTarget(fiscalYear, value, "見直し", "議決"), "If-Match", "*");
            }
            return http.put(path + "/department", json(Map.of("department", kind.substring("assign:".length()))),
                    "If-Match", "*");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
