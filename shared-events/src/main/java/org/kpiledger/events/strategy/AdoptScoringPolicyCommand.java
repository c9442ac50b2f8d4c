package org.kpiledger.events.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * Grade a strategy's KPIs with a scoring policy (by id and version) from a fiscal year on. Emits
 * {@link ScoringPolicyAdoptedEvent}; reports of earlier years keep the policy that was in force for them.
 */
public record AdoptScoringPolicyCommand(
        @TargetAggregateIdentifier PlanId planId,
        String policyId,
        int policyVersion,
        FiscalYear effectiveFrom) {
}
