package org.kpiledger.command.strategy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.AdoptScoringPolicyCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.platform.events.UnreadableEventException;

/**
 * A strategy's structure: its basic goals, policies and measures. Stating it records only what differs from what
 * the ledger holds, so a renamed goal is history and a repeated statement is nothing.
 */
@Aggregate(type = StreamTypes.STRATEGY, cache = "aggregateCache")
class Strategy {

    @AggregateIdentifier
    private PlanId planId;
    private String title;
    private FiscalYear firstYear;
    private FiscalYear lastYear;
    private final Map<Integer, String> goals = new HashMap<>();
    private final Map<String, PolicyDefinedEvent> policies = new HashMap<>();
    private final Map<String, MeasureDefinedEvent> measures = new HashMap<>();
    private final Map<FiscalYear, ScoringPolicyAdoptedEvent> adoptions = new HashMap<>();

    protected Strategy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineStrategyCommand command) {
        requireConsistent(command);
        if (planId == null || !command.title().equals(title) || !command.firstYear().equals(firstYear)
                || !command.lastYear().equals(lastYear)) {
            apply(new StrategyDefinedEvent(command.planId(), command.title(), command.firstYear(), command.lastYear()));
        }
        for (DefineStrategyCommand.Goal goal : command.goals()) {
            if (!goal.title().equals(goals.get(goal.number()))) {
                apply(new GoalDefinedEvent(command.planId(), goal.number(), goal.title()));
            }
            for (DefineStrategyCommand.Policy policy : goal.policies()) {
                var stated = new PolicyDefinedEvent(command.planId(), goal.number(), policy.code(), policy.title());
                if (!stated.equals(policies.get(policy.code()))) {
                    apply(stated);
                }
                for (DefineStrategyCommand.Measure measure : policy.measures()) {
                    var statedMeasure = new MeasureDefinedEvent(command.planId(), policy.code(), measure.number(),
                            measure.title(), measure.overallPlans());
                    if (!statedMeasure.equals(measures.get(measureKey(policy.code(), measure.number())))) {
                        apply(statedMeasure);
                    }
                }
            }
        }
    }

    @CommandHandler
    void handle(AdoptScoringPolicyCommand command) {
        var adoption = new ScoringPolicyAdoptedEvent(planId, command.policyId(), command.policyVersion(),
                command.effectiveFrom());
        if (adoption.equals(adoptions.get(command.effectiveFrom()))) {
            throw new PolicyAlreadyInForceException(command.policyId() + " version " + command.policyVersion()
                    + " is already adopted from " + command.effectiveFrom() + ".");
        }
        apply(adoption);
    }

    /** A stored event this release cannot read: no write is decided on a history read in part. */
    @EventSourcingHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    @EventSourcingHandler
    void on(ScoringPolicyAdoptedEvent event) {
        adoptions.put(event.effectiveFrom(), event);
    }

    @EventSourcingHandler
    void on(StrategyDefinedEvent event) {
        planId = event.planId();
        title = event.title();
        firstYear = event.firstYear();
        lastYear = event.lastYear();
    }

    @EventSourcingHandler
    void on(GoalDefinedEvent event) {
        goals.put(event.number(), event.title());
    }

    @EventSourcingHandler
    void on(PolicyDefinedEvent event) {
        policies.put(event.code(), event);
    }

    @EventSourcingHandler
    void on(MeasureDefinedEvent event) {
        measures.put(measureKey(event.policyCode(), event.number()), event);
    }

    private static void requireConsistent(DefineStrategyCommand command) {
        if (command.lastYear().isBefore(command.firstYear())) {
            throw new InvalidStrategyException("lastYear", "The plan period ends before it begins.");
        }
        Set<Integer> goalNumbers = new HashSet<>();
        Set<String> policyCodes = new HashSet<>();
        for (DefineStrategyCommand.Goal goal : command.goals()) {
            if (!goalNumbers.add(goal.number())) {
                throw new InvalidStrategyException("goals", "Goal " + goal.number() + " is stated twice.");
            }
            for (DefineStrategyCommand.Policy policy : goal.policies()) {
                if (!policyCodes.add(policy.code())) {
                    throw new InvalidStrategyException("policies", "Policy " + policy.code() + " is stated twice.");
                }
                Set<Integer> measureNumbers = new HashSet<>();
                for (DefineStrategyCommand.Measure measure : policy.measures()) {
                    if (!measureNumbers.add(measure.number())) {
                        throw new InvalidStrategyException("measures", "Measure " + measure.number() + " of policy "
                                + policy.code() + " is stated twice.");
                    }
                }
            }
        }
    }

    private static String measureKey(String policyCode, int number) {
        return policyCode + "/" + number;
    }
}
