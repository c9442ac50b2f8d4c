package org.kpiledger.events.strategy;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A measure was defined under a policy, or its title or its overall plans (全体計画) changed. */
@Revision("1")
public record MeasureDefinedEvent(PlanId planId, String policyCode, int number, String title,
                                  List<String> overallPlans) implements StrategyEvent {

    public MeasureDefinedEvent {
        overallPlans = List.copyOf(overallPlans);
    }
}
