package org.kpiledger.command.strategy;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * Whether a placement names a measure its strategy defines, read from the strategy's own event stream: a write
 * must not place a KPI under a measure that does not exist, and the stream, unlike a read model, is never behind.
 */
@Component
public class StrategyMeasures {

    private final EventStore eventStore;

    StrategyMeasures(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean defines(KpiPlacement placement) {
        return eventStore.readEvents(placement.planId().value()).asStream()
                .map(event -> event.getPayload())
                .anyMatch(payload -> payload instanceof MeasureDefinedEvent measure
                        && measure.policyCode().equals(placement.policyCode())
                        && measure.number() == placement.measureNumber());
    }
}
