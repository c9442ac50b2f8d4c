package org.kpiledger.events.kpi;

import java.util.Objects;

/** The figure a KPI should reach by a fiscal year, and how the actual is compared with it. */
public record Target(FiscalYear fiscalYear, Quantity value, TargetComparator comparator) {

    public Target {
        Objects.requireNonNull(fiscalYear, "target fiscal year is required");
        Objects.requireNonNull(value, "target value is required");
        Objects.requireNonNull(comparator, "target comparator is required");
    }
}
