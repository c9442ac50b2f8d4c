package org.kpiledger.query.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;

/**
 * Where a KPI stands now: its baseline, its current target, its actuals by fiscal year and the latest of them.
 * {@code version} is the KPI's version in the ledger, usable in {@code If-Match} on the write API.
 */
public record KpiProgressView(
        String kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        ValueKind valueKind,
        Baseline baseline,
        Target target,
        List<Actual> actuals,
        Actual latestActual,
        long version,
        Instant updatedAt) {

    /** {@code value} is null while the baseline is not measured; {@code qualifier} keeps the source's wording. */
    public record Baseline(int fiscalYear, BigDecimal value, String qualifier) {
    }

    public record Target(int fiscalYear, BigDecimal value, TargetComparator comparator) {
    }

    public record Actual(
            int fiscalYear,
            BigDecimal value,
            String note,
            String evidenceReference,
            Instant recordedAt,
            String recordedBy,
            int corrections,
            Instant lastCorrectedAt,
            String lastCorrectedBy,
            String lastCorrectionReason) {
    }

    /** The list endpoint's body; a wrapper so that paging can be added without breaking clients. */
    public record Page(List<KpiProgressView> kpis) {
    }
}
