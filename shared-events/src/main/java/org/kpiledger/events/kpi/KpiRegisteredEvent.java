package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/**
 * A KPI of the strategy was entered into the ledger, with its baseline and its original target. {@code valueKind}
 * says which figures the KPI can have; events recorded before it existed carry none and read as the kind their unit
 * implies ({@link ValueKind#forUnit}).
 */
@Revision("1")
public record KpiRegisteredEvent(
        KpiId kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        Baseline baseline,
        Target target,
        ValueKind valueKind) implements KpiEvent {

    public KpiRegisteredEvent {
        valueKind = valueKind == null ? ValueKind.forUnit(unit) : valueKind;
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.registered(this);
    }
}
