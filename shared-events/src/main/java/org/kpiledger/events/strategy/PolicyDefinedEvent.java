package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;

/** A basic policy was defined under a goal, renamed, or moved to another goal. */
@Revision("1")
public record PolicyDefinedEvent(PlanId planId, int goalNumber, String code, String title) implements StrategyEvent {
}
