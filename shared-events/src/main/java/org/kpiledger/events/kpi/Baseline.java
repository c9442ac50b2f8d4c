package org.kpiledger.events.kpi;

import java.util.Objects;

/**
 * The figure a KPI starts from. The value is absent where the source has {@code —} (not yet measured); the
 * qualifier keeps the source's wording where a plain number would lose meaning, such as {@code 700件以上 (898件)}.
 */
public record Baseline(FiscalYear fiscalYear, Quantity value, String qualifier) {

    public Baseline {
        Objects.requireNonNull(fiscalYear, "baseline fiscal year is required");
        qualifier = qualifier == null || qualifier.isBlank() ? null : qualifier.strip();
    }

    public boolean isMeasured() {
        return value != null;
    }
}
