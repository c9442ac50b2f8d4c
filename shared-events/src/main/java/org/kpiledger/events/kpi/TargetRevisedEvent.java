package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/** The council decided a new target for a KPI; the target it replaces is kept with the decision. */
@Revision("1")
public record TargetRevisedEvent(
        KpiId kpiId,
        Target previousTarget,
        Target revisedTarget,
        String reason,
        String decisionReference) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.targetRevised(this);
    }
}
