package org.kpiledger.query.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FigureStatus;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.scoring.Achievement;
import org.kpiledger.scoring.ScoringPolicy;

/**
 * Where a KPI stands now: its place in a strategy and its owning department (each null when there is none), its
 * baseline, its current target, its actuals by fiscal year and the latest of them, and
 * its achievement graded by the scoring policy in force; the KPI of a predecessor plan it continues and its
 * retirement, when there are.
 * {@code version} is the KPI's version in the ledger, usable in {@code If-Match} on the write API; {@code asOf} the
 * instant the view is about (absent for now) and {@code position} the global index of the KPI's last event by then.
 */
public record KpiProgressView(
        String kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        ValueKind valueKind,
        Strategy strategy,
        String department,
        Baseline baseline,
        Target target,
        List<Actual> actuals,
        Actual latestActual,
        Judgement achievement,
        @JsonInclude(JsonInclude.Include.NON_NULL) Lineage lineage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Retirement retirement,
        long version,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
        long position) {

    /**
     * Where the KPI stands in a strategy, and its {@code code} there (two plans may both have a {@code 1-1-1-01});
     * {@code null} for a KPI that stands alone.
     */
    public record Strategy(String planId, String code, Goal goal, Policy policy, Measure measure) {
    }

    /**
     * The achievement graded against the {@code target} in force (the fields of {@link Achievement}, and that
     * target), and, when a revision or a successor plan changed the target since the series began,
     * {@code againstOriginalTarget}: the same actual graded against the target set at the start.
     */
    public record Judgement(@JsonUnwrapped Achievement graded, Target target,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Judgement againstOriginalTarget) {

        public String grade() {
            return graded.grade();
        }

        public ScoringPolicy.Category category() {
            return graded.category();
        }

        public BigDecimal progressRate() {
            return graded.progressRate();
        }
    }

    /** The predecessor plan's KPI this one continues, and how ({@code REDEFINED}: the series breaks here). */
    public record Lineage(String continues, LineageKind kind) {
    }

    /** The KPI is measured up to {@code lastFiscalYear}; {@code decisionReference} is null when its plan ended. */
    public record Retirement(int lastFiscalYear, String reason, String decisionReference) {
    }

    /** A basic goal: its number (1–4 in the Shinagawa strategy) and title. */
    public record Goal(int number, String title) {
    }

    /** A basic policy, coded as the source writes it ({@code "1-1"}). */
    public record Policy(String code, String title) {
    }

    public record Measure(int number, String title) {
    }

    /** {@code value} is null while the baseline is not measured; {@code qualifier} keeps the source's wording. */
    public record Baseline(int fiscalYear, BigDecimal value, String qualifier) {
    }

    public record Target(int fiscalYear, BigDecimal value, TargetComparator comparator) {
    }

    /**
     * One fiscal year's actual. {@code recordedBy} and {@code lastCorrectedBy} name people, so they are left out
     * for anonymous readers. It carries its status in the reporting cycle then ({@code RECORDED}, {@code SUBMITTED},
     * {@code APPROVED}, {@code PUBLISHED}, {@code REOPENED}) and, once a report published it, the published figure and
     * whether the figure changed since. {@code recordedUnder} names the predecessor plan's KPI that holds the figure
     * of a year two plans cover (entered once, shown under both); absent for the KPI's own figures.
     */
    public record Actual(
            int fiscalYear,
            BigDecimal value,
            String note,
            String evidenceReference,
            Instant recordedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recordedBy,
            int corrections,
            Instant lastCorrectedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastCorrectedBy,
            String lastCorrectionReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) FigureStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Published published,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean changedSincePublication,
            @JsonInclude(JsonInclude.Include.NON_NULL) RecordedUnder recordedUnder) {

        /** A figure outside the reporting cycle's view (as of a past instant): no status is shown. */
        public Actual(int fiscalYear, BigDecimal value, String note, String evidenceReference, Instant recordedAt,
                String recordedBy, int corrections, Instant lastCorrectedAt, String lastCorrectedBy,
                String lastCorrectionReason) {
            this(fiscalYear, value, note, evidenceReference, recordedAt, recordedBy, corrections, lastCorrectedAt,
                    lastCorrectedBy, lastCorrectionReason, null, null, null, null);
        }

        Actual withoutActors() {
            return new Actual(fiscalYear, value, note, evidenceReference, recordedAt, null, corrections,
                    lastCorrectedAt, null, lastCorrectionReason, status, published, changedSincePublication,
                    recordedUnder);
        }

        /** The same figure, shown under a successor's KPI: held by the predecessor's KPI {@code where}. */
        Actual heldBy(RecordedUnder where) {
            return new Actual(fiscalYear, value, note, evidenceReference, recordedAt, recordedBy, corrections,
                    lastCorrectedAt, lastCorrectedBy, lastCorrectionReason, status, published,
                    changedSincePublication, where);
        }
    }

    /** The KPI, and its plan, that holds a figure shown under another plan's KPI of the same series. */
    public record RecordedUnder(String kpiId, String planId) {
    }

    /** The figure the year's last report published, and which report. */
    public record Published(BigDecimal value, String publicationId) {
    }

    /** This view as anonymous readers see it: the same figures, without the names of who recorded them. */
    public KpiProgressView withoutActors() {
        return new KpiProgressView(kpiId, name, unit, accumulation, direction, valueKind, strategy, department,
                baseline, target, actuals.stream().map(Actual::withoutActors).toList(),
                latestActual == null ? null : latestActual.withoutActors(), achievement, lineage, retirement, version,
                updatedAt, asOf, position);
    }

    /**
     * The list endpoint's body: a page of KPIs in id order, the instant they are about (absent for now), the highest
     * position the page reflects, and {@code next}, the {@code after} of the following page (absent on the last).
     */
    public record Page(List<KpiProgressView> kpis, @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
            long position, String next) {
    }
}
