package org.kpiledger.events.strategy;

/** Something that happened to a strategy's definition; its stream, in order, is the strategy's history. */
public sealed interface StrategyEvent
        permits StrategyDefinedEvent, GoalDefinedEvent, PolicyDefinedEvent, MeasureDefinedEvent,
        ScoringPolicyAdoptedEvent, PlanPeriodRevisedEvent, StrategyPartRetiredEvent {

    PlanId planId();
}
