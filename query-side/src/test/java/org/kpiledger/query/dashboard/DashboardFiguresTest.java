package org.kpiledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.query.history.ChangeLog;
import org.kpiledger.query.plans.SeriesView;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.scoring.Achievement;
import org.kpiledger.scoring.ScoringPolicy.Category;
import tools.jackson.databind.json.JsonMapper;

/** What the dashboard draws from a KPI's figures: bars, trends, the chart's lines, and the overview's tree. */
class DashboardFiguresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theBarIsClampedButThePercentagesAreTold() {
        ProgressFigures ahead = ProgressFigures.of(kpi("1-1-1-01", "1-1", 1, "1.354", "0.4", Category.ON_TRACK, "A"));
        ProgressFigures backwards = ProgressFigures.of(kpi("1-1-1-02", "1-1", 1, "-0.2", "0.4", Category.BEHIND, "C"));

        assertThat(ahead.progressPercent()).isEqualTo(135);
        assertThat(ahead.barPercent()).isEqualTo(100);
        assertThat(ahead.markerPercent()).isEqualTo(40);
        assertThat(backwards.progressPercent()).isEqualTo(-20);
        assertThat(backwards.barPercent()).isZero();
    }

    @Test
    void theTrendRunsFromTheBaselineThroughTheActualsInYearOrder() {
        ProgressFigures figures = ProgressFigures.of(kpi("1-1-1-01", "1-1", 1, "0.2", "0.2", Category.ON_TRACK, "A"));

        assertThat(figures.trendText()).isEqualTo("2014: 6, 2015: 9, 2016: 12.5");
        assertThat(figures.trendPoints()).isEqualTo("2.0,28.0 50.0,16.0 98.0,2.0");
    }

    @Test
    void theChartHasTheProRataLineAndTheTargetsInForceBefore() {
        KpiProgressView kpi = kpi("1-1-1-01", "1-1", 1, "0.2", "0.2", Category.ON_TRACK, "A");
        ChangeLog.Change revision = new ChangeLog.Change(9, "1-1-1-01", "KPI", 5, "TargetRevised",
                Instant.parse("2017-06-01T00:00:00Z"), "tanaka", null, "PLANNER", "HTTP_BASIC", "c", 2019,
                JSON.readTree("{\"fiscalYear\":2019,\"value\":18,\"comparator\":\"AT_LEAST\"}"),
                JSON.readTree("{\"fiscalYear\":2019,\"value\":21,\"comparator\":\"AT_LEAST\"}"), "延長", "議決", null,
                null);

        KpiChart chart = KpiChart.of(kpi, List.of(revision), alone(kpi));

        assertThat(chart.years()).containsExactly(2014, 2015, 2016, 2017, 2018, 2019);
        assertThat(chart.proRata()).extracting(BigDecimal::toPlainString)
                .containsExactly("6", "9", "12", "15", "18", "21");
        assertThat(chart.corrected()).containsExactly(false, false, true, false, false, false);
        assertThat(chart.earlierTargets()).singleElement().satisfies(earlier -> {
            assertThat(earlier.value()).isEqualByComparingTo("18");
            assertThat(earlier.reason()).isEqualTo("延長");
        });
        assertThat(chart.table(kpi, alone(kpi)).get(2).corrections()).isEqualTo(1);
        assertThat(chart.earlierPlanActuals()).isEmpty();
    }

    @Test
    void theChartOfASuccessorsKpiShowsTheFiguresOfTheEarlierPlanItContinues() {
        KpiProgressView kpi = kpi("next.1-1-1-01", "1-1", 1, "0.2", "0.2", Category.ON_TRACK, "A");
        KpiProgressView.Target earlierTarget = new KpiProgressView.Target(2012, new BigDecimal("15"),
                TargetComparator.AT_LEAST);
        SeriesView series = new SeriesView(kpi.kpiId(), List.of(
                new SeriesView.Segment("old", "plan-2008", "1-1-1-01", "旧", "事業者", null, false, earlierTarget, null),
                new SeriesView.Segment(kpi.kpiId(), "plan", "1-1-1-01", kpi.name(), kpi.unit(), LineageKind.REDEFINED,
                        true, kpi.target(), null)),
                List.of(new SeriesView.Point(2011, new BigDecimal("4"), "old", "plan-2008", "1-1-1-01", earlierTarget,
                        false), new SeriesView.Point(2013, new BigDecimal("5"), "old", "plan-2008", "1-1-1-01",
                        earlierTarget, false)), null, 9);

        KpiChart chart = KpiChart.of(kpi, List.of(), series);

        assertThat(chart.years()).startsWith(2011, 2012, 2013, 2014).endsWith(2019);
        assertThat(chart.earlierPlanActuals()).hasSameSizeAs(chart.years());
        assertThat(chart.earlierPlanActuals().subList(0, 4)).containsExactly(new BigDecimal("4"), null,
                new BigDecimal("5"), null);
        assertThat(chart.seriesBreak()).as("redefined: the earlier figures measured something else").isTrue();
        assertThat(chart.baselineYear()).isEqualTo(2014);
        assertThat(chart.table(kpi, series).get(0)).satisfies(year -> {
            assertThat(year.earlierPlanActual()).isEqualByComparingTo("4");
            assertThat(year.earlierPlan()).isEqualTo("plan-2008");
        });
    }

    /** The series of a KPI that continues no other: its own figures only. */
    private static SeriesView alone(KpiProgressView kpi) {
        return new SeriesView(kpi.kpiId(), List.of(new SeriesView.Segment(kpi.kpiId(), "plan", kpi.kpiId(),
                kpi.name(), kpi.unit(), null, false, kpi.target(), null)), kpi.actuals().stream()
                .map(actual -> new SeriesView.Point(actual.fiscalYear(), actual.value(), kpi.kpiId(), "plan",
                        kpi.kpiId(), kpi.target(), false)).toList(), null, 3);
    }

    @Test
    void theOverviewOrdersPoliciesByNumberAndCountsGradesPerGoal() {
        Overview overview = Overview.of(List.of(
                kpi("1-10-1-01", "1-10", 1, null, null, Category.NOT_MEASURABLE, "未測定"),
                kpi("1-2-1-01", "1-2", 1, "0.5", "0.4", Category.ON_TRACK, "概ね順調"),
                kpi("1-2-1-02", "1-2", 1, "1", "0.4", Category.ACHIEVED, "達成"),
                unplaced("x-1")));

        assertThat(overview.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.policies()).extracting(Overview.PolicySection::code).containsExactly("1-2", "1-10");
            assertThat(goal.grades()).extracting(count -> count.grade() + "=" + count.count())
                    .containsExactly("達成=1", "概ね順調=1", "未測定=1");
        });
        assertThat(overview.unplaced()).extracting(row -> row.kpi().kpiId()).containsExactly("x-1");
    }

    private static KpiProgressView kpi(String id, String policy, int goal, String rate, String expected,
            Category category, String grade) {
        return new KpiProgressView(id, "KPI " + id, "事業者", Accumulation.CUMULATIVE, Direction.INCREASE,
                ValueKind.COUNT, new KpiProgressView.Strategy("plan", id, new KpiProgressView.Goal(goal, "目標 " + goal),
                        new KpiProgressView.Policy(policy, "方向 " + policy), new KpiProgressView.Measure(1, "施策")),
                null, new KpiProgressView.Baseline(2014, new BigDecimal("6"), null),
                new KpiProgressView.Target(2019, new BigDecimal("21"), TargetComparator.AT_LEAST),
                List.of(actual(2016, "12.5", 1), actual(2015, "9", 0)), actual(2016, "12.5", 1),
                new KpiProgressView.Judgement(new Achievement(2016, new BigDecimal("12.5"),
                        rate == null ? null : new BigDecimal(rate), expected == null ? null : new BigDecimal(expected),
                        false, grade, category, "p@1"), null, null),
                null, null, 3, Instant.EPOCH, null, 3);
    }

    private static KpiProgressView unplaced(String id) {
        KpiProgressView placed = kpi(id, "1-1", 1, null, null, Category.NOT_MEASURABLE, "未測定");
        return new KpiProgressView(id, placed.name(), placed.unit(), placed.accumulation(), placed.direction(),
                placed.valueKind(), null, null, placed.baseline(), placed.target(), placed.actuals(),
                placed.latestActual(), placed.achievement(), null, null, 1, Instant.EPOCH, null, 1);
    }

    private static KpiProgressView.Actual actual(int year, String value, int corrections) {
        return new KpiProgressView.Actual(year, new BigDecimal(value), null, null, Instant.EPOCH, null, corrections,
                null, null, null);
    }
}
