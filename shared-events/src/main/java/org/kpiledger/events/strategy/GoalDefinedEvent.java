package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;

/** A basic goal of a strategy was defined, or renamed. */
@Revision("1")
public record GoalDefinedEvent(PlanId planId, int number, String title) implements StrategyEvent {
}
