package org.kpiledger.command.strategy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
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
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.RetireStrategyPartCommand;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.events.strategy.StrategyPart;
import org.kpiledger.events.strategy.StrategyPartRetiredEvent;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/**
 * A strategy's structure: its basic goals, policies and measures, its period and the plan it succeeds. Stating it
 * records only what differs from what the ledger holds, so a renamed goal is history and a repeated statement is
 * nothing; its period and its parts' retirement change only by recorded decisions.
 */
@Aggregate(type = StreamTypes.STRATEGY, cache = "aggregateCache", lockFactory = TenantStreamLocks.BEAN)
class Strategy {

    @AggregateIdentifier
    private PlanId planId;
    private String title;
    private FiscalYear firstYear;
    private FiscalYear statedLastYear;
    private FiscalYear revisedLastYear;
    private PlanId predecessor;
    private final Set<String> retiredParts = new HashSet<>();
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
        if (planId != null && (!command.firstYear().equals(firstYear) || !command.lastYear().equals(statedLastYear)
                || !Objects.equals(command.predecessor(), predecessor))) {
            throw new InvalidStrategyException(command.lastYear().equals(statedLastYear) ? "predecessorPlanId"
                    : "lastYear", "Plan " + planId + " is defined already (" + firstYear + " to " + statedLastYear
                    + (predecessor == null ? "" : ", succeeding " + predecessor) + "); its period changes by a "
                    + "recorded decision (PUT /api/v1/strategies/" + planId + "/period), its predecessor not at all.");
        }
        if (planId == null || !command.title().equals(title)) {
            apply(new StrategyDefinedEvent(command.planId(), command.title(), command.firstYear(), command.lastYear(),
                    command.predecessor()));
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

    /**
     * Extends or shortens the plan's period by decision; never to end before it begins, nor before
     * {@code latestActualYear}, the latest year its KPIs have an actual of (null when none).
     */
    void revisePeriod(FiscalYear lastYear, String reason, String decisionReference, FiscalYear latestActualYear) {
        requireDecision(reason, decisionReference);
        if (lastYear.isBefore(firstYear)) {
            throw new InvalidStrategyException("lastYear", "Plan " + planId + " begins in " + firstYear
                    + "; it cannot end before.");
        }
        if (latestActualYear != null && lastYear.isBefore(latestActualYear)) {
            throw new InvalidStrategyException(ProblemType.ACTUALS_OUTSIDE_PERIOD, "lastYear", "KPIs of plan "
                    + planId + " have actuals of " + latestActualYear + "; the plan cannot end before it.");
        }
        if (lastYear.equals(lastYear())) {
            throw new InvalidStrategyException(ProblemType.NOTHING_CHANGED, "lastYear",
                    "Plan " + planId + " already ends with " + lastYear() + ".");
        }
        apply(new PlanPeriodRevisedEvent(planId, lastYear(), lastYear, reason.strip(), decisionReference.strip()));
    }

    /**
     * The plan's last year now: as last revised by decision, else as defined. A definition never changes the period
     * of a plan defined already (refused above), so a revision is never followed by another defined period.
     */
    private FiscalYear lastYear() {
        return revisedLastYear != null ? revisedLastYear : statedLastYear;
    }

    /** Retires a goal, policy or measure the plan defines, once, by decision; it is never deleted. */
    @CommandHandler
    void handle(RetireStrategyPartCommand command) {
        requireDecision(command.reason(), command.decisionReference());
        String code = command.code();
        boolean defined = switch (command.part()) {
            case GOAL -> code.matches("\\d{1,9}") && goals.containsKey(Integer.parseInt(code));
            case POLICY -> policies.containsKey(code);
            case MEASURE -> measures.containsKey(code);
        };
        if (!defined) {
            throw new InvalidStrategyException(ProblemType.STRATEGY_PART_NOT_FOUND, "code", "Plan " + planId + " has no "
                    + command.part().name().toLowerCase() + " " + code + ".");
        }
        if (retiredParts.contains(partKey(command.part(), code))) {
            throw new InvalidStrategyException(ProblemType.NOTHING_CHANGED, "code", "The "
                    + command.part().name().toLowerCase() + " " + code + " of plan " + planId + " is retired already.");
        }
        apply(new StrategyPartRetiredEvent(planId, command.part(), code, command.reason().strip(),
                command.decisionReference().strip()));
    }

    @EventSourcingHandler
    void on(PlanPeriodRevisedEvent event) {
        revisedLastYear = event.lastYear();
    }

    @EventSourcingHandler
    void on(StrategyPartRetiredEvent event) {
        retiredParts.add(partKey(event.part(), event.code()));
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
        statedLastYear = event.lastYear();
        predecessor = event.predecessor();
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

    private static void requireDecision(String reason, String decisionReference) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidStrategyException("reason", "A reason is required.");
        }
        if (decisionReference == null || decisionReference.isBlank()) {
            throw new InvalidStrategyException("decisionReference", "The decision's reference is required.");
        }
    }

    private static String partKey(StrategyPart part, String code) {
        return part + ":" + code;
    }

    private static String measureKey(String policyCode, int number) {
        return policyCode + "/" + number;
    }
}
