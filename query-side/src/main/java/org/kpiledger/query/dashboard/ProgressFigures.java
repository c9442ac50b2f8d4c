package org.kpiledger.query.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.scoring.Achievement;

/**
 * A KPI's progress as a page draws it: the progress bar ({@code progressRate} against {@code expectedProgress}, in
 * per cent, the bar clamped to 0–100) and the small trend of its baseline and actuals.
 */
public record ProgressFigures(Integer progressPercent, Integer expectedPercent, Integer barPercent, Integer markerPercent,
                       String trendPoints, String trendText) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ProgressFigures of(KpiProgressView kpi) {
        Achievement achievement = kpi.achievement() == null ? null : kpi.achievement().graded();
        Integer progress = percent(achievement == null ? null : achievement.progressRate());
        Integer expected = percent(achievement == null ? null : achievement.expectedProgress());
        List<Point> points = new ArrayList<>();
        if (kpi.baseline() != null && kpi.baseline().value() != null) {
            points.add(new Point(kpi.baseline().fiscalYear(), kpi.baseline().value()));
        }
        kpi.actuals().stream().sorted(Comparator.comparingInt(KpiProgressView.Actual::fiscalYear))
                .forEach(actual -> points.add(new Point(actual.fiscalYear(), actual.value())));
        return new ProgressFigures(progress, expected, progress == null ? null : clamp(progress),
                expected == null ? null : clamp(expected), polyline(points),
                points.stream().map(point -> point.year + ": " + point.value.stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(", ")));
    }

    private static Integer percent(BigDecimal rate) {
        return rate == null ? null : rate.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** The points in a 100 × 30 box, years across, values up; null when there are fewer than two. */
    private static String polyline(List<Point> points) {
        if (points.size() < 2) {
            return null;
        }
        int first = points.get(0).year;
        int span = Math.max(1, points.get(points.size() - 1).year - first);
        BigDecimal low = points.stream().map(Point::value).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal high = points.stream().map(Point::value).max(BigDecimal::compareTo).orElseThrow();
        double range = high.subtract(low).doubleValue();
        return points.stream().map(point -> {
            double x = 2 + 96.0 * (point.year - first) / span;
            double y = range == 0 ? 15 : 28 - 26 * point.value.subtract(low).doubleValue() / range;
            return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
        }).collect(Collectors.joining(" "));
    }

    private record Point(int year, BigDecimal value) {
    }
}
