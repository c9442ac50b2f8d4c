package org.kpiledger.events.strategy;

import org.axonframework.serialization.Revision;

/**
 * A goal, policy or measure of a plan was retired by decision: it stays in the plan's history and tree, marked
 * retired, and is never deleted. {@code code} is the goal's number, the policy's code or {@code policy/measure}.
 */
@Revision("1")
public record StrategyPartRetiredEvent(PlanId planId, StrategyPart part, String code, String reason,
                                       String decisionReference) implements StrategyEvent {
}
