package org.kpiledger.query.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpiledger.query.history.ChangeLog;
import org.kpiledger.query.plans.SeriesView;
import org.kpiledger.query.progress.KpiProgressView;

/**
 * What the KPI page's chart and its table alternative show, by fiscal year from the baseline year to the later of
 * the target year and the last actual: the actuals (corrected ones marked), the baseline, the target in force and
 * earlier targets, and the pro-rata line from the baseline to the target; and, for a KPI that continues one of an
 * earlier plan, the figures its lineage reaches ({@code earlierPlanActuals}, from the earliest of them), with
 * {@code seriesBreak} when its definition changed ({@code REDEFINED}: they measured something else).
 */
public record KpiChart(List<Integer> years, List<BigDecimal> actuals, List<Boolean> corrected, BigDecimal baseline,
                int baselineYear, BigDecimal target, int targetYear, List<EarlierTarget> earlierTargets,
                List<BigDecimal> proRata, List<BigDecimal> earlierPlanActuals, boolean seriesBreak) {

    /** A target that was in force before a revision, and when the council revised it. */
    public record EarlierTarget(int fiscalYear, BigDecimal value, String revisedAt, String reason) {
    }

    /** One fiscal year of the table alternative; {@code earlierPlan} names the plan of an earlier plan's figure. */
    public record Year(int fiscalYear, BigDecimal actual, int corrections, BigDecimal proRata, String note,
                       BigDecimal earlierPlanActual, String earlierPlan) {
    }

    static KpiChart of(KpiProgressView kpi, List<ChangeLog.Change> changes, SeriesView series) {
        TreeMap<Integer, KpiProgressView.Actual> actualByYear = byYear(kpi);
        TreeMap<Integer, SeriesView.Point> earlier = earlierPlans(kpi, series);
        int first = earlier.isEmpty() ? kpi.baseline().fiscalYear()
                : Math.min(kpi.baseline().fiscalYear(), earlier.firstKey());
        int last = Math.max(kpi.target().fiscalYear(), actualByYear.isEmpty() ? first : actualByYear.lastKey());
        List<Integer> years = new ArrayList<>();
        List<BigDecimal> actuals = new ArrayList<>();
        List<Boolean> corrected = new ArrayList<>();
        List<BigDecimal> proRata = new ArrayList<>();
        List<BigDecimal> earlierActuals = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            KpiProgressView.Actual actual = actualByYear.get(year);
            years.add(year);
            SeriesView.Point earlierPoint = earlier.get(year);
            earlierActuals.add(earlierPoint == null ? null : earlierPoint.value());
            actuals.add(actual == null ? null : actual.value());
            corrected.add(actual != null && actual.corrections() > 0);
            proRata.add(proRata(kpi, year));
        }
        List<EarlierTarget> earlierTargets = changes.stream().filter(change -> "TargetRevised".equals(change.type()))
                .map(change -> new EarlierTarget(change.from().path("fiscalYear").asInt(),
                        change.from().path("value").decimalValue(), change.recordedAt().toString(), change.reason()))
                .sorted(Comparator.comparing(EarlierTarget::revisedAt)).toList();
        return new KpiChart(years, actuals, corrected, kpi.baseline().value(), kpi.baseline().fiscalYear(),
                kpi.target().value(), kpi.target().fiscalYear(), earlierTargets, proRata,
                earlier.isEmpty() ? List.of() : earlierActuals, series.segments().stream()
                        .anyMatch(segment -> segment.kpiId().equals(kpi.kpiId()) && segment.breakBefore()));
    }

    List<Year> table(KpiProgressView kpi, SeriesView series) {
        Map<Integer, KpiProgressView.Actual> actualByYear = byYear(kpi);
        Map<Integer, SeriesView.Point> earlier = earlierPlans(kpi, series);
        List<Year> rows = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            KpiProgressView.Actual actual = actualByYear.get(years.get(i));
            SeriesView.Point earlierPoint = earlier.get(years.get(i));
            rows.add(new Year(years.get(i), actuals.get(i), actual == null ? 0 : actual.corrections(),
                    proRata.get(i), actual == null ? null : actual.note(),
                    earlierPoint == null ? null : earlierPoint.value(),
                    earlierPoint == null ? null : earlierPoint.planId()));
        }
        return rows;
    }

    /** The figures of the series recorded under earlier plans, by fiscal year (the latest plan's for a year). */
    private static TreeMap<Integer, SeriesView.Point> earlierPlans(KpiProgressView kpi, SeriesView series) {
        TreeMap<Integer, SeriesView.Point> byYear = new TreeMap<>();
        series.points().stream().filter(point -> !point.kpiId().equals(kpi.kpiId()))
                .forEach(point -> byYear.put(point.fiscalYear(), point));
        // a year two plans cover shows once, as this KPI's (held by its predecessor's)
        kpi.actuals().forEach(actual -> byYear.remove(actual.fiscalYear()));
        return byYear;
    }

    private static TreeMap<Integer, KpiProgressView.Actual> byYear(KpiProgressView kpi) {
        TreeMap<Integer, KpiProgressView.Actual> byYear = new TreeMap<>();
        kpi.actuals().forEach(actual -> byYear.put(actual.fiscalYear(), actual));
        return byYear;
    }

    /**
     * The value expected at a fiscal year if the KPI went from its baseline to its target in equal steps; none
     * without a measured baseline, or after the target year.
     */
    private static BigDecimal proRata(KpiProgressView kpi, int year) {
        BigDecimal baseline = kpi.baseline().value();
        int from = kpi.baseline().fiscalYear();
        int to = kpi.target().fiscalYear();
        if (baseline == null || year > to || to <= from) {
            return null;
        }
        BigDecimal step = kpi.target().value().subtract(baseline)
                .divide(BigDecimal.valueOf(to - from), MathContext.DECIMAL64);
        return baseline.add(step.multiply(BigDecimal.valueOf(year - from))).round(new MathContext(10))
                .stripTrailingZeros();
    }
}
