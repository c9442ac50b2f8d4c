package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: a year's reporting cycle over HTTP, as the planning division, two departments' staff, the committee and
 * an auditor live it: open, a dry run, figures in bulk (with a key, replayed, reused), a refused row storing nothing,
 * submissions, a figure refused under review, a return, a resubmission, four eyes, approvals, opinions, publication,
 * locked writes refused, a reopening, a correction, changedSincePublication, a second publication, both verified.
 */
class ReportingCycleIT {

    private static final String PLAN = "/api/v1/strategies/shinagawa-2015";
    private static final String PERIOD = PLAN + "/periods/2016";

    private static LedgerProcesses processes;
    private static LedgerHttp admin;
    private static LedgerHttp planner;
    private static LedgerHttp secondPlanner;
    private static LedgerHttp sangyo;
    private static LedgerHttp kosodate;
    private static LedgerHttp committee;
    private static LedgerHttp auditor;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")),
                "If-Match", "*").status()).isEqualTo(200);
        for (String[] kpi : new String[][] {{"cycle-sangyo", "sangyo"}, {"cycle-kosodate", "kosodate"}}) {
            assertThat(admin.post("/api/v1/kpis", registerStartups(kpi[0], kpi[1]).replaceFirst("^\\{",
                    "{\"strategy\":{\"planId\":\"shinagawa-2015\",\"policyCode\":\"1-1\",\"measureNumber\":1},"))
                    .status()).isEqualTo(201);
        }
        planner = admin.createUser("tanaka", null, "PLANNER");
        secondPlanner = admin.createUser("suzuki", null, "PLANNER");
        sangyo = admin.createUser("sato", "sangyo", "STAFF");
        kosodate = admin.createUser("ito", "kosodate", "STAFF");
        committee = admin.createUser("iinkai", null, "COMMITTEE");
        auditor = admin.createUser("kansa", null, "AUDITOR");
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void aYearIsReportedReviewedPublishedLockedReopenedAndPublishedAgain() {
        // the planning division opens the year
        Reply opened = planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2016, "dueDate", "2017-06-30")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.header("Location")).containsExactly(PERIOD);
        assertProblem(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2016, "dueDate", "2017-06-30"))),
                409, "PERIOD_ALREADY_OPEN");
        assertProblem(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2030, "dueDate", "2031-06-30"))),
                400, "INVALID_FIELD");
        assertThat(sangyo.post(PLAN + "/periods", json(Map.of("fiscalYear", 2017, "dueDate", "2018-06-30")))
                .status()).isEqualTo(403);

        JsonNode period = read(sangyo, PERIOD, opened);
        assertThat(period.path("state").asString()).isEqualTo("OPEN");
        assertThat(department(period, "sangyo").path("state").asString()).isEqualTo("NOT_STARTED");
        assertThat(department(period, "sangyo").path("missing").toString()).contains("1-1-1-01", "cycle-sangyo");
        assertThat(department(period, "sangyo").path("overdue").asBoolean()).as("due 2017-06-30").isTrue();

        // a dry run answers what the real call would and stores nothing
        long before = processes.eventCount();
        Reply dryRun = sangyo.post(PERIOD + "/figures?dryRun=true", figures(row("1-1-1-01", 9, null),
                row("cycle-sangyo", 12, null)));
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().path("recorded").asInt()).isEqualTo(2);
        assertThat(dryRun.json().path("results").get(0).path("outcome").asString()).isEqualTo("RECORDED");
        assertThat(dryRun.json().path("results").get(0).path("progressRate").isNumber()).isTrue();
        assertThat(dryRun.json().path("results").get(0).path("grade").asString()).isNotEmpty();
        assertThat(processes.eventCount()).as("a dry run stores nothing").isEqualTo(before);

        // one refused row refuses the whole bulk: another department's KPI
        Reply refused = sangyo.post(PERIOD + "/figures", figures(row("1-1-1-01", 9, null),
                row("cycle-kosodate", 3, null)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("code").asString()).isEqualTo("FIGURES_REFUSED");
        assertThat(refused.json().path("refused").asInt()).isEqualTo(1);
        assertThat(refused.json().path("results").get(0).path("outcome").asString()).isEqualTo("RECORDED");
        assertThat(refused.json().path("results").get(1).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().path("results").get(1).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(processes.eventCount()).as("a refused bulk stores nothing").isEqualTo(before);

        // with a key: stored once, the repeat answers the first answer, the key with another body is refused
        String key = UUID.randomUUID().toString();
        String bulk = figures(row("1-1-1-01", 9, null), row("cycle-sangyo", 12, null));
        Reply stored = sangyo.post(PERIOD + "/figures", bulk, "Idempotency-Key", key);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("recorded").asInt()).isEqualTo(2);
        long afterBulk = processes.eventCount();
        assertThat(afterBulk).isEqualTo(before + 2);
        Reply replayed = sangyo.post(PERIOD + "/figures", bulk, "Idempotency-Key", key);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(stored.body());
        assertThat(replayed.header("Idempotent-Replayed")).containsExactly("true");
        assertProblem(sangyo.post(PERIOD + "/figures", figures(row("1-1-1-01", 10, "typo")), "Idempotency-Key", key),
                422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(processes.eventCount()).isEqualTo(afterBulk);
        assertThat(actualOf(read(sangyo, "/api/v1/kpis/1-1-1-01", stored), 2016).path("status").asString())
                .isEqualTo("RECORDED");
        assertThat(read(admin.anonymous(), "/api/v1/kpis/1-1-1-01", stored).path("actuals").toString())
                .as("the public sees nothing of the year before its first publication").doesNotContain("2016");
        LedgerHttp publishingAsItGoes = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--kpi-ledger.public-figures=all")).anonymous();
        assertThat(actualOf(read(publishingAsItGoes, "/api/v1/kpis/1-1-1-01", stored), 2016).path("value")
                .decimalValue()).as("KPI_LEDGER_PUBLIC_FIGURES=all shows figures as recorded").isEqualByComparingTo("9");

        // a repeat of the stored figure is unchanged; a changed one without a reason is refused
        Reply again = sangyo.post(PERIOD + "/figures", figures(row("1-1-1-01", 9, null)));
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        Reply noReason = sangyo.post(PERIOD + "/figures", figures(row("1-1-1-01", 10, null)));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("results").get(0).path("field").asString()).isEqualTo("reason");

        // kosodate's figure comes late: incomplete until declared so
        assertProblem(kosodate.post(PERIOD + "/departments/kosodate/submission", "{}"), 409,
                "SUBMISSION_INCOMPLETE", "cycle-kosodate");
        assertThat(kosodate.post(PERIOD + "/late-figures", json(Map.of("kpiId", "cycle-kosodate",
                "reason", "国勢調査の公表待ち", "expectedBy", "2017-12-31"))).status()).isEqualTo(200);
        assertThat(kosodate.post(PERIOD + "/departments/sangyo/submission", "{}").status())
                .as("another department's submission").isEqualTo(403);
        Reply kosodateSubmitted = kosodate.post(PERIOD + "/departments/kosodate/submission", "{}");
        assertThat(kosodateSubmitted.status()).as(kosodateSubmitted.body()).isEqualTo(200);

        // sangyo submits; its figures are then under review
        Reply submitted = sangyo.post(PERIOD + "/departments/sangyo/submission", "{}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        long underReview = processes.eventCount();
        assertProblem(sangyo.put("/api/v1/kpis/1-1-1-01/actuals/2016", correctActual(10, "再集計"), "If-Match", "*"),
                409, "SUBMISSION_UNDER_REVIEW");
        Reply bulkUnderReview = sangyo.post(PERIOD + "/figures", figures(row("1-1-1-01", 10, "再集計")));
        assertThat(bulkUnderReview.json().path("results").get(0).path("code").asString())
                .isEqualTo("SUBMISSION_UNDER_REVIEW");
        assertThat(processes.eventCount()).isEqualTo(underReview);

        // not every department is approved: no publication yet
        assertProblem(planner.post(PERIOD + "/publication", json(Map.of("title", "早すぎる公表"))), 409,
                "PERIOD_STEP_REFUSED");
        // a return needs a comment; with one it opens the department again
        assertProblem(planner.post(PERIOD + "/departments/sangyo/review", json(Map.of("decision", "RETURN"))), 400,
                "INVALID_FIELD");
        Reply returned = planner.post(PERIOD + "/departments/sangyo/review", json(Map.of("decision", "RETURN",
                "comment", "1-1-1-01 は年度末時点の数値か確認してください")));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(department(read(planner, PERIOD, returned), "sangyo").path("state").asString())
                .isEqualTo("RETURNED");

        // corrected as CSV with a BOM, then submitted again by an administrator, who may not review it too
        byte[] csv = ("\uFEFFkpiId,value,note,evidenceReference,reason\n1-1-1-01,8,,,年度末時点に修正\n")
                .getBytes(StandardCharsets.UTF_8);
        Reply corrected = sangyo.send("POST", PERIOD + "/figures", csv, false, "Content-Type", "text/csv");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("corrected").asInt()).isEqualTo(1);
        assertThat(admin.post(PERIOD + "/departments/sangyo/submission", "{}").status()).isEqualTo(200);
        assertProblem(admin.post(PERIOD + "/departments/sangyo/review", json(Map.of("decision", "APPROVE"))), 403,
                "SAME_PERSON");
        assertThat(planner.post(PERIOD + "/departments/sangyo/review", json(Map.of("decision", "APPROVE")))
                .status()).isEqualTo(200);
        Reply approved = secondPlanner.post(PERIOD + "/departments/kosodate/review",
                json(Map.of("decision", "APPROVE")));
        assertThat(approved.status()).isEqualTo(200);

        // the committee's opinion, then the publication locks the year
        assertThat(sangyo.post(PERIOD + "/opinions", json(Map.of("text", "x"))).status()).isEqualTo(403);
        Reply opinion = committee.post(PERIOD + "/opinions", json(Map.of("text",
                "創業支援は目標に向けて順調に推移している。", "kpiId", "1-1-1-01", "goal", 1)));
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(201);
        Reply published = planner.post(PERIOD + "/publication", json(Map.of("title", "平成28年度 効果検証")));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String firstReport = published.json().path("publicationId").asString();
        JsonNode publishedPeriod = read(committee, PERIOD, published);
        assertThat(publishedPeriod.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(publishedPeriod.path("opinions").get(0).path("text").asString()).contains("創業支援");

        long locked = processes.eventCount();
        assertProblem(sangyo.put("/api/v1/kpis/1-1-1-01/actuals/2016", correctActual(11, "誤り"), "If-Match", "*"),
                409, "PERIOD_LOCKED");
        assertProblem(kosodate.post("/api/v1/kpis/cycle-kosodate/actuals", json(Map.of("fiscalYear", 2016,
                "value", 4))), 409, "PERIOD_LOCKED");
        Reply lockedBulk = admin.post(PERIOD + "/figures", figures(row("cycle-sangyo", 13, "誤り")));
        assertThat(lockedBulk.json().path("results").get(0).path("code").asString()).isEqualTo("PERIOD_LOCKED");
        assertThat(processes.eventCount()).as("nothing stored in a locked year").isEqualTo(locked);

        // a reopening is a recorded decision
        assertProblem(planner.post(PERIOD + "/reopenings", json(Map.of("reason", "集計誤り", "kpiIds",
                List.of("1-1-1-01")))), 400, "INVALID_FIELD");
        Reply reopened = planner.post(PERIOD + "/reopenings", json(Map.of("reason", "集計誤りの判明",
                "decisionReference", "企画課長決裁 2017-081", "kpiIds", List.of("1-1-1-01"))));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(201);
        assertProblem(sangyo.put("/api/v1/kpis/cycle-sangyo/actuals/2016", correctActual(13, "誤り"), "If-Match",
                "*"), 409, "PERIOD_LOCKED");
        Reply fixed = sangyo.put("/api/v1/kpis/1-1-1-01/actuals/2016", correctActual(7, "重複計上の除外"),
                "If-Match", "*");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);

        JsonNode actual = actualOf(read(sangyo, "/api/v1/kpis/1-1-1-01", fixed), 2016);
        assertThat(actual.path("value").decimalValue()).isEqualByComparingTo("7");
        assertThat(actual.path("status").asString()).isEqualTo("REOPENED");
        assertThat(actual.path("published").path("value").decimalValue()).isEqualByComparingTo("8");
        assertThat(actual.path("published").path("publicationId").asString()).isEqualTo(firstReport);
        assertThat(actual.path("changedSincePublication").asBoolean()).isTrue();

        JsonNode seenByThePublic = actualOf(read(admin.anonymous(), "/api/v1/kpis/1-1-1-01", fixed), 2016);
        assertThat(seenByThePublic.path("value").decimalValue()).as("the published figure").isEqualByComparingTo("8");
        assertThat(seenByThePublic.has("status")).isFalse();
        assertThat(admin.anonymous().get("/api/v1/kpis?format=csv").body()).as("the export follows the same rule")
                .contains("8").doesNotContain("重複計上の除外");

        JsonNode changes = read(auditor, PERIOD + "/changes-since-publication", fixed);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("kpiId").asString()).isEqualTo("1-1-1-01");
        assertThat(changes.get(0).path("changedBy").asString()).isEqualTo("sato");
        assertThat(changes.get(0).path("reason").asString()).isEqualTo("重複計上の除外");
        assertThat(changes.get(0).path("decisionReference").asString()).isEqualTo("企画課長決裁 2017-081");
        assertThat(sangyo.get(PERIOD + "/changes-since-publication").status()).isEqualTo(403);

        // published again: the new report supersedes the first, and both verify
        Reply republished = planner.post(PERIOD + "/publication", json(Map.of("title", "平成28年度 効果検証(改訂)")));
        assertThat(republished.status()).as(republished.body()).isEqualTo(201);
        String secondReport = republished.json().path("publicationId").asString();
        JsonNode relocked = actualOf(read(sangyo, "/api/v1/kpis/1-1-1-01", republished), 2016);
        assertThat(relocked.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(relocked.path("changedSincePublication").asBoolean()).isFalse();
        for (String report : List.of(firstReport, secondReport)) {
            assertThat(auditor.get("/api/v1/publications/" + report + "/verify").json().path("verified").asBoolean())
                    .as("report %s verifies", report).isTrue();
        }

        // every step is in the KPI's history and in the chain
        JsonNode history = read(auditor, "/api/v1/kpis/1-1-1-01/history", republished);
        List<String> steps = new ArrayList<>();
        history.path("changes").forEach(change -> {
            if (change.path("type").asString().equals("FigureStepTaken") && change.path("fiscalYear").asInt() == 2016) {
                steps.add(change.path("to").path("step").asString());
            }
        });
        assertThat(steps).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED", "PUBLISHED", "REOPENED",
                "PUBLISHED");
        assertThat(auditor.get("/api/v1/integrity").json().path("verified").asBoolean()).isTrue();
    }

    @Test
    void twoBulksOnTheSameKpiAtOnceStoreOneWholeAndRefuseTheOtherWhole() throws Exception {
        assertThat(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2017, "dueDate", "2018-06-30")))
                .status()).isIn(201, 409);
        for (int round = 0; round < 5; round++) {
            long before = processes.eventCount();
            CyclicBarrier start = new CyclicBarrier(2);
            int value = 20 + round * 2;
            List<CompletableFuture<Reply>> replies = List.of(value, value + 1).stream().map(figure ->
                    CompletableFuture.supplyAsync(() -> {
                        together(start);
                        return admin.post(PLAN + "/periods/2017/figures", figures(row("cycle-sangyo", figure, "再集計"),
                                row("cycle-kosodate", figure, "再集計")));
                    })).toList();
            List<Integer> statuses = replies.stream().map(reply -> reply.join().status()).sorted().toList();
            long stored = processes.eventCount() - before;
            assertThat(statuses).as("one wins, or both in turn; never a half").allMatch(s -> s == 200 || s == 409);
            assertThat(stored % 2).as("every bulk stored both its rows or none").isZero();
            assertThat(stored).isEqualTo(2L * statuses.stream().filter(s -> s == 200).count());
        }
    }

    @Test
    void anApprovalRacingCorrectionsApprovesExactlyTheSubmittedFigures() throws Exception {
        String period = PLAN + "/periods/2019";
        assertThat(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2019, "dueDate", "2020-06-30")))
                .status()).isEqualTo(201);
        assertThat(sangyo.post(period + "/figures", figures(row("1-1-1-01", 15, null), row("cycle-sangyo", 16, null)))
                .status()).isEqualTo(200);
        assertThat(sangyo.post(period + "/departments/sangyo/submission", "{}").status()).isEqualTo(200);

        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<List<Integer>> corrections = CompletableFuture.supplyAsync(() -> {
            together(start);
            List<Integer> statuses = new ArrayList<>();
            for (int value = 17; value < 27; value++) {
                statuses.add(sangyo.post(period + "/figures", figures(row("1-1-1-01", value, "再集計"))).status());
            }
            return statuses;
        });
        together(start);
        Reply approved = planner.post(period + "/departments/sangyo/review", json(Map.of("decision", "APPROVE")));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(corrections.get(60, TimeUnit.SECONDS)).as("under review, then approved: never open").containsOnly(422);
        JsonNode figure = actualOf(read(sangyo, "/api/v1/kpis/1-1-1-01", approved), 2019);
        assertThat(figure.path("value").decimalValue()).isEqualByComparingTo("15");
        assertThat(figure.path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void theExportedSheetWithTheYearFilledInComesBackAsFigures() throws Exception {
        Reply opened = planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2018, "dueDate", "2019-06-30")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Reply exported = sangyo.get("/api/v1/kpis?format=xlsx&fiscalYear=2018&department=sangyo");
        assertThat(exported.status()).isEqualTo(200);

        List<List<Object>> rows = EffectVerificationSheets.rows(exported.bytes());
        int yearColumn = EffectVerificationSheets.column(rows.get(0), "2018年度実績");
        int kpiColumn = EffectVerificationSheets.column(rows.get(0), "KPI番号");
        assertThat(rows).as("only sangyo's KPIs").hasSize(3);
        for (List<Object> row : rows.subList(1, rows.size())) {
            row.set(yearColumn, row.get(kpiColumn).equals("1-1-1-01") ? 11 : 14);
        }
        byte[] filledIn = EffectVerificationSheets.workbook(rows);

        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Reply preview = sangyo.send("POST", PLAN + "/periods/2018/figures?dryRun=true", filledIn, false,
                "Content-Type", xlsx);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("recorded").asInt()).isEqualTo(2);
        Reply stored = sangyo.send("POST", PLAN + "/periods/2018/figures", filledIn, false,
                "Content-Type", xlsx);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(actualOf(read(sangyo, "/api/v1/kpis/1-1-1-01", stored), 2018).path("value").decimalValue())
                .isEqualByComparingTo("11");
        assertProblem(sangyo.send("POST", PLAN + "/periods/2018/figures", "not a workbook".getBytes(
                StandardCharsets.UTF_8), false, "Content-Type", xlsx), 400, "INVALID_FIELD");
    }

    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String kpiId, Object value, String reason) {
        return reason == null ? Map.of("kpiId", kpiId, "value", value)
                : Map.of("kpiId", kpiId, "value", value, "reason", reason);
    }

    @SafeVarargs
    private static String figures(Map<String, Object>... rows) {
        return json(Map.of("figures", List.of(rows)));
    }

    /** A read that includes the write that answered {@code after}. */
    private static JsonNode read(LedgerHttp http, String path, Reply after) {
        long position = after.json().path("position").asLong();
        Reply reply = http.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode department(JsonNode period, String department) {
        for (JsonNode each : period.path("departments")) {
            if (each.path("department").asString().equals(department)) {
                return each;
            }
        }
        throw new AssertionError("no department " + department + " in " + period);
    }

    private static JsonNode actualOf(JsonNode kpi, int fiscalYear) {
        for (JsonNode each : kpi.path("actuals")) {
            if (each.path("fiscalYear").asInt() == fiscalYear) {
                return each;
            }
        }
        throw new AssertionError("no actual of " + fiscalYear + " in " + kpi);
    }

    private static void assertProblem(Reply reply, int status, String code, String... detailMentions) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().path("code").asString()).as(reply.body()).isEqualTo(code);
        if (detailMentions.length > 0) {
            assertThat(reply.json().path("detail").asString()).contains(detailMentions);
        }
    }
}
