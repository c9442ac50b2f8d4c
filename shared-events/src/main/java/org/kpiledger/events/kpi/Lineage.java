package org.kpiledger.events.kpi;

import java.util.Objects;

/** The KPI of the predecessor plan a KPI continues, and how. */
public record Lineage(KpiId predecessor, LineageKind kind) {

    public Lineage {
        Objects.requireNonNull(predecessor, "the continued KPI is required");
        Objects.requireNonNull(kind, "the kind of continuation is required");
    }
}
