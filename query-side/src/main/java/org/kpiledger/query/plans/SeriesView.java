package org.kpiledger.query.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.query.progress.KpiProgressView;

/**
 * One KPI's figures across plans: the KPI and each ancestor its lineage reaches ({@code segments}, oldest first),
 * and every actual of them by fiscal year ({@code points}), each naming the KPI and plan it was recorded under and the
 * target in force in that plan. A figure is never copied into the successor: the series reads through the lineage.
 * {@code breakBefore} marks the first segment and point after a {@code REDEFINED} link: the figures before it measure
 * something else.
 */
public record SeriesView(String kpiId, List<Segment> segments, List<Point> points,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf, long position) {

    /** A KPI of the series: its plan and code, how it continues the segment before, and its target in force. */
    public record Segment(String kpiId, String planId, String code, String name, String unit,
                          @JsonInclude(JsonInclude.Include.NON_NULL) LineageKind lineage, boolean breakBefore,
                          KpiProgressView.Target target,
                          @JsonInclude(JsonInclude.Include.NON_NULL) KpiProgressView.Retirement retirement) {
    }

    public record Point(int fiscalYear, BigDecimal value, String kpiId, String planId, String code,
                        KpiProgressView.Target target, boolean breakBefore) {
    }
}
