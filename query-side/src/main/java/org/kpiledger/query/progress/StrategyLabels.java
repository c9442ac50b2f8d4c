package org.kpiledger.query.progress;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The titles of every strategy's goals, policies and measures, read once per request from the strategy read model,
 * to say in each KPI's view where it stands.
 */
@Component
class StrategyLabels {

    private final JdbcTemplate jdbc;

    StrategyLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot load() {
        Map<String, String> goals = new HashMap<>();
        jdbc.query("select plan_id, number, title from strategy_goal",
                row -> { goals.put(row.getString(1) + "/" + row.getInt(2), row.getString(3)); });
        Map<String, PolicyLabel> policies = new HashMap<>();
        jdbc.query("select plan_id, code, goal_number, title from strategy_policy",
                row -> { policies.put(row.getString(1) + "/" + row.getString(2),
                        new PolicyLabel(row.getInt(3), row.getString(4))); });
        Map<String, String> measures = new HashMap<>();
        jdbc.query("select plan_id, policy_code, number, title from strategy_measure",
                row -> { measures.put(row.getString(1) + "/" + row.getString(2) + "/" + row.getInt(3),
                        row.getString(4)); });
        return new Snapshot(goals, policies, measures);
    }

    /** A policy's title and the number of the goal it belongs to. */
    record PolicyLabel(int goalNumber, String title) {
    }

    record Snapshot(Map<String, String> goals, Map<String, PolicyLabel> policies, Map<String, String> measures) {

        /** Where a KPI placed under this measure stands; titles not yet known (the projection is behind) are null. */
        KpiProgressView.Strategy placement(String planId, String policyCode, Integer measureNumber) {
            if (planId == null) {
                return null;
            }
            PolicyLabel policy = policies.get(planId + "/" + policyCode);
            Integer goalNumber = policy == null ? null : policy.goalNumber();
            return new KpiProgressView.Strategy(planId,
                    goalNumber == null ? null : new KpiProgressView.Goal(goalNumber, goals.get(planId + "/" + goalNumber)),
                    new KpiProgressView.Policy(policyCode, policy == null ? null : policy.title()),
                    new KpiProgressView.Measure(measureNumber, measures.get(planId + "/" + policyCode + "/"
                            + measureNumber)));
        }
    }
}
