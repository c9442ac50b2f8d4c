package org.kpiledger.events.strategy;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * State a strategy as it now stands: its title, its period and the tree of its basic goals, policies and measures.
 * Defines the strategy when it is new; otherwise records only what changed (a renamed goal, a new measure), so that
 * stating the same strategy twice records nothing. {@code predecessor} names the plan it succeeds, if any. Emits {@link StrategyDefinedEvent}, {@link GoalDefinedEvent},
 * {@link PolicyDefinedEvent} and {@link MeasureDefinedEvent}.
 */
public record DefineStrategyCommand(
        @TargetAggregateIdentifier PlanId planId,
        String title,
        FiscalYear firstYear,
        FiscalYear lastYear,
        PlanId predecessor,
        List<Goal> goals) {

    public DefineStrategyCommand {
        goals = List.copyOf(goals);
    }

    /** A plan that succeeds none. */
    public DefineStrategyCommand(PlanId planId, String title, FiscalYear firstYear, FiscalYear lastYear,
            List<Goal> goals) {
        this(planId, title, firstYear, lastYear, null, goals);
    }

    /** A basic goal (基本目標①–④) and its policies. */
    public record Goal(int number, String title, List<Policy> policies) {
        public Goal {
            policies = List.copyOf(policies);
        }
    }

    /** A basic policy (基本方針), coded as the source writes it ({@code 1-1}), and its measures. */
    public record Policy(String code, String title, List<Measure> measures) {
        public Policy {
            measures = List.copyOf(measures);
        }
    }

    /**
     * A measure (個別施策 ①, ②...) of a policy, with the names of the overall plans (全体計画) of its tables, in the
     * source's order (most measures have one table, some two or three).
     */
    public record Measure(int number, String title, List<String> overallPlans) {
        public Measure {
            overallPlans = List.copyOf(overallPlans);
        }
    }
}
