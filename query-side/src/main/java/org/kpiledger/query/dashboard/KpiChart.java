package org.kpiledger.query.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpiledger.query.history.ChangeLog;
import org.kpiledger.query.progress.KpiProgressView;

/**
 * What the KPI page's chart and its table alternative show, by fiscal year from the baseline year to the later of
 * the target year and the last actual: the actuals (corrected ones marked), the baseline, the target in force and
 * earlier targets, and the pro-rata line from the baseline to the target.
 */
public record KpiChart(List<Integer> years, List<BigDecimal> actuals, List<Boolean> corrected, BigDecimal baseline,
                int baselineYear, BigDecimal target, int targetYear, List<EarlierTarget> earlierTargets,
                List<BigDecimal> proRata) {

    /** A target that was in force before a revision, and when the council revised it. */
    public record EarlierTarget(int fiscalYear, BigDecimal value, String revisedAt, String reason) {
    }

    /** One fiscal year of the table alternative. */
    public record Year(int fiscalYear, BigDecimal actual, int corrections, BigDecimal proRata, String note) {
    }

    static KpiChart of(KpiProgressView kpi, List<ChangeLog.Change> changes) {
        TreeMap<Integer, KpiProgressView.Actual> actualByYear = byYear(kpi);
        int first = kpi.baseline().fiscalYear();
        int last = Math.max(kpi.target().fiscalYear(), actualByYear.isEmpty() ? first : actualByYear.lastKey());
        List<Integer> years = new ArrayList<>();
        List<BigDecimal> actuals = new ArrayList<>();
        List<Boolean> corrected = new ArrayList<>();
        List<BigDecimal> proRata = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            KpiProgressView.Actual actual = actualByYear.get(year);
            years.add(year);
            actuals.add(actual == null ? null : actual.value());
            corrected.add(actual != null && actual.corrections() > 0);
            proRata.add(proRata(kpi, year));
        }
        List<EarlierTarget> earlier = changes.stream().filter(change -> "TargetRevised".equals(change.type()))
                .map(change -> new EarlierTarget(change.from().path("fiscalYear").asInt(),
                        change.from().path("value").decimalValue(), change.recordedAt().toString(), change.reason()))
                .sorted(Comparator.comparing(EarlierTarget::revisedAt)).toList();
        return new KpiChart(years, actuals, corrected, kpi.baseline().value(), first, kpi.target().value(),
                kpi.target().fiscalYear(), earlier, proRata);
    }

    List<Year> table(KpiProgressView kpi) {
        Map<Integer, KpiProgressView.Actual> actualByYear = byYear(kpi);
        List<Year> rows = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            KpiProgressView.Actual actual = actualByYear.get(years.get(i));
            rows.add(new Year(years.get(i), actuals.get(i), actual == null ? 0 : actual.corrections(),
                    proRata.get(i), actual == null ? null : actual.note()));
        }
        return rows;
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
