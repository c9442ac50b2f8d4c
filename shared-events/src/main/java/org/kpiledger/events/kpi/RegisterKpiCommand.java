package org.kpiledger.events.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enter a KPI of the strategy into the ledger. Emits {@link KpiRegisteredEvent}. {@code valueKind} may be left
 * out: the unit then decides it ({@link ValueKind#forUnit}).
 */
public record RegisterKpiCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        Baseline baseline,
        Target target,
        ValueKind valueKind) {
}
