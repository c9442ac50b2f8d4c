package org.kpiledger.query.progress;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.platform.scoring.Scoring;
import org.kpiledger.query.scoring.Grader;

/**
 * One row per KPI: where it stands now. {@code version} is the sequence number of the last event applied. Read
 * here, written by {@link KpiProgressProjection}.
 */
@Entity
@Table(name = "kpi_progress")
class KpiProgress {

    @Id
    private String kpiId;
    private String name;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Accumulation accumulation;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Enumerated(EnumType.STRING)
    private ValueKind valueKind;
    private int baselineFiscalYear;
    private BigDecimal baselineValue;
    private String baselineQualifier;
    private int targetFiscalYear;
    private BigDecimal targetValue;
    @Enumerated(EnumType.STRING)
    private TargetComparator targetComparator;
    private String planId;
    private String policyCode;
    private Integer measureNumber;
    private String department;
    private long version;
    private Instant registeredAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kpi_progress_actual", joinColumns = @JoinColumn(name = "kpi_id"))
    @MapKeyColumn(name = "fiscal_year")
    private Map<Integer, ActualFigure> actuals = new HashMap<>();

    protected KpiProgress() {
    }

    KpiProgressView view(StrategyLabels.Snapshot strategies, Grader.Adoptions adoptions) {
        List<KpiProgressView.Actual> actualsByYear = actuals.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue().view(entry.getKey()))
                .toList();
        KpiProgressView.Actual latest = actualsByYear.isEmpty() ? null : actualsByYear.get(actualsByYear.size() - 1);
        return new KpiProgressView(kpiId, name, unit, accumulation, direction, valueKind,
                strategies.placement(planId, policyCode, measureNumber), department,
                new KpiProgressView.Baseline(baselineFiscalYear, baselineValue, baselineQualifier),
                new KpiProgressView.Target(targetFiscalYear, targetValue, targetComparator),
                actualsByYear, latest,
                adoptions.grade(planId, new Scoring.Kpi(accumulation, direction, baselineFiscalYear, baselineValue,
                        targetFiscalYear, targetValue, targetComparator),
                        latest == null ? null : latest.fiscalYear(), latest == null ? null : latest.value()),
                version, updatedAt);
    }
}
