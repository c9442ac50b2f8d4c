package org.kpiledger.events.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enter a KPI of the strategy into the ledger. Emits {@link KpiRegisteredEvent}. {@code valueKind} may be left
 * out: the unit then decides it ({@link ValueKind#forUnit}). {@code code} is the KPI's code in its plan when it
 * differs from its id; {@code lineage} the predecessor plan's KPI it continues.
 */
public record RegisterKpiCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        Baseline baseline,
        Target target,
        ValueKind valueKind,
        String code,
        Lineage lineage) {

    /** A KPI whose code is its id, continuing no other. */
    public RegisterKpiCommand(KpiId kpiId, String name, String unit, Accumulation accumulation, Direction direction,
            Baseline baseline, Target target, ValueKind valueKind) {
        this(kpiId, name, unit, accumulation, direction, baseline, target, valueKind, null, null);
    }
}
