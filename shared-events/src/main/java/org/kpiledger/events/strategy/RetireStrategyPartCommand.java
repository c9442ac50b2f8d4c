package org.kpiledger.events.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a goal, policy or measure of a plan by decision. Emits {@link StrategyPartRetiredEvent}. */
public record RetireStrategyPartCommand(
        @TargetAggregateIdentifier PlanId planId,
        StrategyPart part,
        String code,
        String reason,
        String decisionReference) {
}
