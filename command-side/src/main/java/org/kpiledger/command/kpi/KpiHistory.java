package org.kpiledger.command.kpi;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;

/**
 * A KPI as its stream says, read straight from the event store through the one fold, without loading (or locking)
 * its aggregate: for decisions about another KPI than the one a command is deciding on, and for checks before any
 * command is sent. {@link KpiState#NONE} when no such KPI is registered.
 */
public final class KpiHistory {

    private KpiHistory() {
    }

    public static KpiState read(EventStore eventStore, KpiId kpiId) {
        return KpiState.of(eventStore.readEvents(kpiId.value()).asStream().map(event -> event.getPayload())
                .filter(KpiEvent.class::isInstance).map(KpiEvent.class::cast).toList());
    }
}
