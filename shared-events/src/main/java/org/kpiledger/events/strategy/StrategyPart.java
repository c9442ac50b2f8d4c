package org.kpiledger.events.strategy;

/** Which level of a strategy's tree a part is: its code is a goal's number, a policy's code or {@code policy/measure}. */
public enum StrategyPart {
    GOAL,
    POLICY,
    MEASURE
}
