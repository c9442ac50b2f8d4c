package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/** A KPI of the strategy was entered into the ledger, with its baseline and its original target. */
@Revision("1")
public record KpiRegisteredEvent(
        KpiId kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        Baseline baseline,
        Target target) implements KpiEvent {
}
