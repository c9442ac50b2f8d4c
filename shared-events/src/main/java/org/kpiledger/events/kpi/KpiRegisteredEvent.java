package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/**
 * A KPI of the strategy was entered into the ledger, with its baseline and its original target. {@code valueKind}
 * says which figures the KPI can have; events recorded before it existed carry none and read as the kind their unit
 * implies ({@link ValueKind#forUnit}). Revision 2 added {@code code}, the KPI's code in its plan when it differs from
 * its id (null: the id is the code), and {@code lineage}, the predecessor plan's KPI it continues (null: none);
 * registrations of revision 1 read both as null.
 */
@Revision("2")
public record KpiRegisteredEvent(
        KpiId kpiId,
        String name,
        String unit,
        Accumulation accumulation,
        Direction direction,
        Baseline baseline,
        Target target,
        ValueKind valueKind,
        String code,
        Lineage lineage) implements KpiEvent {

    public KpiRegisteredEvent {
        valueKind = valueKind == null ? ValueKind.forUnit(unit) : valueKind;
    }

    /** A KPI whose code in its plan is its id, continuing no other. */
    public KpiRegisteredEvent(KpiId kpiId, String name, String unit, Accumulation accumulation, Direction direction,
            Baseline baseline, Target target, ValueKind valueKind) {
        this(kpiId, name, unit, accumulation, direction, baseline, target, valueKind, null, null);
    }

    /** The KPI's code in its plan: its id unless the plan's code differs (a successor plan repeating codes). */
    public String codeInPlan() {
        return code == null ? kpiId.value() : code;
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.registered(this);
    }
}
