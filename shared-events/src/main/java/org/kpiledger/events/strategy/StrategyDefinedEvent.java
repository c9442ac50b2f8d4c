package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.FiscalYear;

/** A strategy was entered into the ledger, or its title or period changed. */
@Revision("1")
public record StrategyDefinedEvent(PlanId planId, String title, FiscalYear firstYear, FiscalYear lastYear)
        implements StrategyEvent {
}
