package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * A plan's period was extended or shortened by decision: it now ends with {@code lastYear} instead of
 * {@code previousLastYear}. The period the plan was defined with is kept in its {@link StrategyDefinedEvent}.
 */
@Revision("1")
public record PlanPeriodRevisedEvent(PlanId planId, FiscalYear previousLastYear, FiscalYear lastYear, String reason,
                                     String decisionReference) implements StrategyEvent {
}
