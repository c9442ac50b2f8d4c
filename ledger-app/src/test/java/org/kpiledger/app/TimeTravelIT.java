package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9: the ledger as it stood at any instant, every change of a KPI, the audit feed and what changed between
 * two instants, over real HTTP. A scripted history is written with pauses; what the current-state API answered
 * after each write is kept, and must equal, field for field, what the as-of API answers for that instant later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeTravelIT {

    private static final String KPI = "1-1-1-01";
    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp planner;
    private static LedgerHttp staff;
    private static LedgerHttp committee;
    private static LedgerHttp auditor;
    /** What the current-state API answered after each scripted write, and the instant right after. */
    private static final List<Answer> LIVE = new ArrayList<>();

    private record Answer(Instant at, JsonNode kpi, JsonNode list, JsonNode tree, long position) {
    }

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.history.gap-settle-time=3s", "--kpi-ledger.min-position-wait=3s"));
        planner = admin.createUser("tanaka", null, "PLANNER");
        staff = admin.createUser("sato", "sangyo", "STAFF");
        committee = admin.createUser("iinkai", null, "COMMITTEE");
        auditor = admin.createUser("kansa", null, "AUDITOR");
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    @Order(1)
    void answersAsOfEachInstantExactlyWhatTheLedgerAnsweredThen() {
        script(() -> planner.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv"), null);
        script(() -> planner.put("/api/v1/kpis/" + KPI + "/department", json(Map.of("department", "sangyo")),
                "If-Match", "*"), KPI);
        script(() -> staff.post("/api/v1/kpis/" + KPI + "/actuals", recordActual("H27", 9)), KPI);
        script(() -> staff.post("/api/v1/kpis/" + KPI + "/actuals", recordActual("H28", 14)), KPI);
        script(() -> staff.put("/api/v1/kpis/" + KPI + "/actuals/2015", correctActual(8, "二重計上"),
                "If-Match", "*"), KPI);
        script(() -> planner.post("/api/v1/strategies/shinagawa-2015/scoring-policies",
                json(Map.of("policyId", "sabc", "version", 1, "effectiveFrom", "H28"))), "shinagawa-2015");
        script(() -> planner.put("/api/v1/kpis/" + KPI + "/target",
                reviseTarget("R2", 25, "計画期間を1年延長", "区議会 議決"), "If-Match", "*"), KPI);
        script(() -> planner.post("/api/v1/kpis", registerStartups("1-1-1-90", "sangyo")), "1-1-1-90");

        for (Answer live : LIVE) {
            String asOf = "asOf=" + URLEncoder.encode(live.at().toString(), StandardCharsets.UTF_8);
            JsonNode kpi = committee.get("/api/v1/kpis/" + KPI + "?" + asOf).json();
            JsonNode list = committee.get("/api/v1/kpis?" + asOf).json();
            JsonNode tree = committee.get("/api/v1/strategies/shinagawa-2015?" + asOf).json();

            assertThat(withoutAsOf(kpi)).as("KPI as of %s", live.at()).isEqualTo(withoutAsOf(live.kpi()));
            assertThat(withoutAsOf(list)).as("list as of %s", live.at()).isEqualTo(withoutAsOf(live.list()));
            assertThat(withoutAsOf(tree)).as("tree as of %s", live.at()).isEqualTo(withoutAsOf(live.tree()));
            assertThat(Instant.parse(kpi.path("asOf").asString())).isEqualTo(live.at());
        }
        assertThat(LIVE.get(1).kpi().path("actuals")).as("before the first actual").isEmpty();
        assertThat(LIVE.get(3).kpi().path("actuals").get(0).path("value").decimalValue())
                .isEqualByComparingTo("9");
        assertThat(LIVE.get(4).kpi().path("actuals").get(0).path("value").decimalValue())
                .isEqualByComparingTo("8");
        assertThat(LIVE.get(6).list().path("kpis")).hasSize(1);
        assertThat(LIVE.get(7).list().path("kpis")).hasSize(2);
    }

    @Test
    @Order(2)
    void aKpiRegisteredLaterIsAbsentFromThePastAndNotFoundAlone() {
        String before = URLEncoder.encode(LIVE.get(1).at().toString(), StandardCharsets.UTF_8);

        assertThat(committee.get("/api/v1/kpis/1-1-1-90?asOf=" + before).status()).isEqualTo(404);
        assertThat(committee.get("/api/v1/kpis?asOf=" + before).json().path("kpis"))
                .extracting(kpi -> kpi.path("kpiId").asString()).containsExactly(KPI);
        assertThat(committee.get("/api/v1/kpis?asOf=2015-01-01").json().path("kpis")).isEmpty();
        assertThat(committee.get("/api/v1/strategies/shinagawa-2015?asOf=2015-01-01").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void refusesAnInstantItCannotRead() {
        Reply refused = committee.get("/api/v1/kpis?asOf=last-tuesday");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemField()).isEqualTo("asOf");
        assertThat(committee.get("/api/v1/kpis?asOf=2018-03-31T12:00:00").problemField()).as("no offset")
                .isEqualTo("asOf");
        assertThat(admin.anonymous().get("/api/v1/kpis?asOf=2018-03-31").status())
                .as("past states are for committees and auditors").isEqualTo(401);
        assertThat(staff.get("/api/v1/kpis?asOf=2018-03-31").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void listsEveryChangeOfAKpiWithWhoWhenFromWhatToWhatAndWhy() {
        JsonNode history = auditor.get("/api/v1/kpis/" + KPI + "/history").json();

        assertThat(history.path("kpiId").asString()).isEqualTo(KPI);
        JsonNode changes = history.path("changes");
        assertThat(changes).extracting(change -> change.path("type").asString()).containsExactly(
                "KpiRegistered", "KpiPlaced", "DepartmentAssigned", "ActualRecorded", "ActualRecorded",
                "ActualCorrected", "TargetRevised");
        assertThat(changes).extracting(change -> change.path("version").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L,
                5L, 6L);
        assertThat(changes).extracting(change -> change.path("position").asLong()).isSorted();
        JsonNode correction = changes.get(5);
        assertThat(correction.path("fiscalYear").asInt()).isEqualTo(2015);
        assertThat(correction.path("from").decimalValue()).isEqualByComparingTo("9");
        assertThat(correction.path("to").decimalValue()).isEqualByComparingTo("8");
        assertThat(correction.path("reason").asString()).isEqualTo("二重計上");
        assertThat(correction.path("actor").asString()).isEqualTo("sato");
        assertThat(correction.path("actorDepartment").asString()).isEqualTo("sangyo");
        assertThat(correction.path("correlationId").asString()).isNotBlank();
        JsonNode revision = changes.get(6);
        assertThat(revision.path("from").path("value").decimalValue()).isEqualByComparingTo("21");
        assertThat(revision.path("to").path("value").decimalValue()).isEqualByComparingTo("25");
        assertThat(revision.path("to").path("fiscalYear").asInt()).isEqualTo(2020);
        assertThat(revision.path("decisionReference").asString()).isEqualTo("区議会 議決");
        assertThat(revision.path("actor").asString()).isEqualTo("tanaka");
        assertThat(changes.get(0).path("actor").asString()).isEqualTo("tanaka");
        assertThat(changes.get(2).path("from").isNull()).isTrue();
        assertThat(changes.get(2).path("to").asString()).isEqualTo("sangyo");

        assertThat(committee.get("/api/v1/kpis/" + KPI + "/history").status()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/kpis/9-9-9-99/history").problemCode()).isEqualTo("KPI_NOT_FOUND");
    }

    @Test
    @Order(5)
    void comparesTwoInstantsFieldByFieldAsJsonAndCsv() {
        String from = URLEncoder.encode(LIVE.get(3).at().toString(), StandardCharsets.UTF_8);
        String to = URLEncoder.encode(LIVE.get(6).at().toString(), StandardCharsets.UTF_8);

        JsonNode changes = committee.get("/api/v1/changes?from=" + from + "&to=" + to).json();

        assertThat(changes.path("changes")).hasSize(1);
        JsonNode kpi = changes.path("changes").get(0);
        assertThat(kpi.path("kpiId").asString()).isEqualTo(KPI);
        assertThat(kpi.path("name").asString()).startsWith("武蔵小山創業支援センター");
        assertThat(field(kpi, "actuals.2015.value").path("before").decimalValue()).isEqualByComparingTo("9");
        assertThat(field(kpi, "actuals.2015.value").path("after").decimalValue()).isEqualByComparingTo("8");
        assertThat(field(kpi, "target.value").path("after").decimalValue()).isEqualByComparingTo("25");
        assertThat(field(kpi, "target.fiscalYear").path("before").asInt()).isEqualTo(2019);
        assertThat(kpi.path("positions")).extracting(JsonNode::asLong).containsExactly(
                LIVE.get(4).position(), LIVE.get(5).position(), LIVE.get(6).position());

        Reply csv = committee.get("/api/v1/changes?from=" + from + "&to=" + to, "Accept", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFkpiId,name,field,before,after,positions\r\n")
                .contains(KPI + ",武蔵小山創業支援センター").contains(",actuals.2015.value,9,8,");
    }

    @Test
    @Order(6)
    void readsItsOwnWriteRightAwayWithMinPositionAndSaysSoWhenItCannot() {
        Reply written = staff.post("/api/v1/kpis/" + KPI + "/actuals", recordActual("H29", 15));
        long position = written.json().path("position").asLong();

        JsonNode read = staff.get("/api/v1/kpis/" + KPI + "?minPosition=" + position).json();

        assertThat(read.path("position").asLong()).isEqualTo(position);
        assertThat(read.path("latestActual").path("fiscalYear").asInt()).isEqualTo(2017);
        Reply ahead = staff.get("/api/v1/kpis?minPosition=" + (position + 1_000_000));
        assertThat(ahead.status()).as("a position no write has answered yet").isEqualTo(400);
        assertThat(ahead.problemCode()).isEqualTo("POSITION_AHEAD");
    }

    /**
     * Every event in the store appears once in the feed, in position order, also when pages are read while
     * writes, some of them refused (they leave gaps in the positions), go on.
     */
    @Test
    @Order(7)
    void theAuditFeedHoldsEveryEventOnceInOrderAcrossPagesWhileWritesGoOn() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        for (int writer = 0; writer < 2; writer++) {
            String prefix = "feed-" + writer + "-";
            writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    planner.post("/api/v1/kpis", registerStartups(prefix + n));
                    planner.post("/api/v1/kpis", registerStartups(prefix + n)); // refused: a gap
                }
            });
        }
        List<Long> seen = new ArrayList<>();
        long after = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < deadline) {
            after = readPage(after, seen);
        }
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        long last = processes.database().queryForObject("select max(global_index) from domain_event_entry",
                Long.class);
        long[] cursor = {after};
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        cursor[0] = readPage(cursor[0], seen);
                        return !seen.isEmpty() && seen.get(seen.size() - 1) == last;
                    });
        } catch (ConditionTimeoutException stuck) {
            throw new AssertionError("The feed did not reach the newest event " + last + ": it stopped after "
                    + cursor[0] + "; events not in the history: " + processes.database().queryForList("""
                            select e.global_index || ' ' || e.type || ' ' || e.aggregate_identifier || ' '
                                || e.sequence_number || ' ' || e.time_stamp
                            from domain_event_entry e left join ledger_change c on c.position = e.global_index
                            where c.position is null order by e.global_index""", String.class)
                    + "; dead letters: " + processes.database().queryForList(
                            "select processing_group || ' ' || sequence_identifier || ' ' || coalesce(cause_message, '')"
                                    + " from dead_letter_entry", String.class), stuck);
        }
        assertThat(seen).isEqualTo(processes.database().queryForList(
                "select global_index from domain_event_entry order by global_index", Long.class));
        JsonNode filtered = auditor.get("/api/v1/audit/events?actor=sato&type=ActualCorrected").json();
        assertThat(filtered.path("changes")).singleElement()
                .satisfies(change -> assertThat(change.path("subject").asString()).isEqualTo(KPI));
    }

    private static long readPage(long after, List<Long> seen) {
        JsonNode page = auditor.get("/api/v1/audit/events?limit=7&after=" + after).json();
        for (JsonNode change : page.path("changes")) {
            seen.add(change.path("position").asLong());
        }
        return seen.isEmpty() ? after : seen.get(seen.size() - 1);
    }

    /** Makes one write, reads the current state as it answers now, and keeps both with the instant after. */
    private static void script(Supplier<Reply> write, String subject) {
        Reply written = write.get();
        assertThat(written.status()).as(written.body()).isBetween(200, 201);
        long position = subject == null
                ? processes.database().queryForObject("select max(global_index) from domain_event_entry", Long.class)
                : written.json().path("position").asLong();
        String fresh = "minPosition=" + position;
        JsonNode kpi = committee.get("/api/v1/kpis/" + KPI + "?" + fresh).json();
        JsonNode list = committee.get("/api/v1/kpis?" + fresh).json();
        JsonNode tree = committee.get("/api/v1/strategies/shinagawa-2015?" + fresh).json();
        pause();
        LIVE.add(new Answer(Instant.now(), kpi, list, tree, position));
        pause();
    }

    private static JsonNode withoutAsOf(JsonNode answer) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("asOf");
        copy.path("kpis").forEach(kpi -> ((ObjectNode) kpi).remove("asOf"));
        return copy;
    }

    private static JsonNode field(JsonNode kpi, String name) {
        for (JsonNode field : kpi.path("fields")) {
            if (field.path("field").asString().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("No field " + name + " in " + kpi);
    }

    private static void pause() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
