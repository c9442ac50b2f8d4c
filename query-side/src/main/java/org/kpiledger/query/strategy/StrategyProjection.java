package org.kpiledger.query.strategy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the strategy tables (plans, goals, policies, measures) in step with the event store: each event states a
 * part as it now stands, so applying it is an upsert, and applying it again (a replay) changes nothing.
 */
@Component
@ProcessingGroup(StrategyProjection.PROCESSING_GROUP)
class StrategyProjection {

    static final String PROCESSING_GROUP = "strategy";

    private final JdbcTemplate jdbc;

    StrategyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StrategyDefinedEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                insert into strategy_plan (plan_id, title, first_year, last_year, version) values (?, ?, ?, ?, ?)
                on conflict (plan_id) do update set title = excluded.title, first_year = excluded.first_year,
                    last_year = excluded.last_year, version = excluded.version""",
                event.planId().value(), event.title(), event.firstYear().year(), event.lastYear().year(),
                sequenceNumber);
    }

    @EventHandler
    void on(GoalDefinedEvent event) {
        jdbc.update("""
                insert into strategy_goal (plan_id, number, title) values (?, ?, ?)
                on conflict (plan_id, number) do update set title = excluded.title""",
                event.planId().value(), event.number(), event.title());
    }

    @EventHandler
    void on(PolicyDefinedEvent event) {
        jdbc.update("""
                insert into strategy_policy (plan_id, code, goal_number, title) values (?, ?, ?, ?)
                on conflict (plan_id, code) do update set goal_number = excluded.goal_number, title = excluded.title""",
                event.planId().value(), event.code(), event.goalNumber(), event.title());
    }

    @EventHandler
    void on(MeasureDefinedEvent event) {
        jdbc.update("""
                insert into strategy_measure (plan_id, policy_code, number, title, overall_plans) values (?, ?, ?, ?, ?)
                on conflict (plan_id, policy_code, number)
                do update set title = excluded.title, overall_plans = excluded.overall_plans""",
                event.planId().value(), event.policyCode(), event.number(), event.title(),
                String.join("\n", event.overallPlans()));
    }

    @EventHandler
    void on(ScoringPolicyAdoptedEvent event) {
        jdbc.update("""
                insert into scoring_policy_adoption (plan_id, effective_from, policy_id, policy_version)
                values (?, ?, ?, ?)
                on conflict (plan_id, effective_from)
                do update set policy_id = excluded.policy_id, policy_version = excluded.policy_version""",
                event.planId().value(), event.effectiveFrom().year(), event.policyId(), event.policyVersion());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table strategy_plan cascade");
    }
}
