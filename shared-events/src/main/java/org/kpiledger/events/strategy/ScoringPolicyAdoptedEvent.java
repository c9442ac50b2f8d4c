package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * A strategy adopted a scoring policy from a fiscal year on: actuals of that year and later are graded with it
 * until a later adoption takes over.
 */
@Revision("1")
public record ScoringPolicyAdoptedEvent(PlanId planId, String policyId, int policyVersion, FiscalYear effectiveFrom)
        implements StrategyEvent {
}
