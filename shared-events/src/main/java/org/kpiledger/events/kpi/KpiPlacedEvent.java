package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/** A KPI was placed in a strategy, or moved; {@code previous} is where it stood before, if anywhere. */
@Revision("1")
public record KpiPlacedEvent(KpiId kpiId, KpiPlacement previous, KpiPlacement placement) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.placed(this);
    }
}
