package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * A strategy was entered into the ledger, or its title or period as its catalog states it changed. Revision 2 added
 * {@code predecessor}, the plan it succeeds (null: none; definitions of revision 1 read it as null).
 */
@Revision("2")
public record StrategyDefinedEvent(PlanId planId, String title, FiscalYear firstYear, FiscalYear lastYear,
                                   PlanId predecessor) implements StrategyEvent {

    /** A plan that succeeds none. */
    public StrategyDefinedEvent(PlanId planId, String title, FiscalYear firstYear, FiscalYear lastYear) {
        this(planId, title, firstYear, lastYear, null);
    }
}
