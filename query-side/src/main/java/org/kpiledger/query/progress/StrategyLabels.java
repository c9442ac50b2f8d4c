package org.kpiledger.query.progress;

import java.util.HashMap;
import java.util.Map;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The titles of every strategy's goals, policies and measures as of an instant, read once per request from the
 * strategy read model, to say in each KPI's view where it stands.
 */
@Component
class StrategyLabels {

    private final JdbcTemplate jdbc;

    StrategyLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot load(AsOf asOf) {
        long[] position = {0};
        Map<String, String> goals = new HashMap<>();
        jdbc.query("select plan_id, number, title, position from strategy_goal_version where valid @> ?::timestamptz",
                row -> {
                    goals.put(row.getString(1) + "/" + row.getInt(2), row.getString(3));
                    position[0] = Math.max(position[0], row.getLong(4));
                }, asOf.sqlValue());
        Map<String, PolicyLabel> policies = new HashMap<>();
        jdbc.query("select plan_id, code, goal_number, title, position from strategy_policy_version "
                + "where valid @> ?::timestamptz", row -> {
                    policies.put(row.getString(1) + "/" + row.getString(2), new PolicyLabel(row.getInt(3),
                            row.getString(4)));
                    position[0] = Math.max(position[0], row.getLong(5));
                }, asOf.sqlValue());
        Map<String, String> measures = new HashMap<>();
        jdbc.query("select plan_id, policy_code, number, title, position from strategy_measure_version "
                + "where valid @> ?::timestamptz", row -> {
                    measures.put(row.getString(1) + "/" + row.getString(2) + "/" + row.getInt(3), row.getString(4));
                    position[0] = Math.max(position[0], row.getLong(5));
                }, asOf.sqlValue());
        return new Snapshot(goals, policies, measures, position[0]);
    }

    /** A policy's title and the number of the goal it belongs to. */
    record PolicyLabel(int goalNumber, String title) {
    }

    /** The titles valid at one instant, and the highest position among them. */
    record Snapshot(Map<String, String> goals, Map<String, PolicyLabel> policies, Map<String, String> measures,
            long position) {

        /** Where a KPI placed under this measure stands; titles not yet known (the projection is behind) are null. */
        KpiProgressView.Strategy placement(String planId, String code, String policyCode, Integer measureNumber) {
            if (planId == null) {
                return null;
            }
            PolicyLabel policy = policies.get(planId + "/" + policyCode);
            Integer goalNumber = policy == null ? null : policy.goalNumber();
            return new KpiProgressView.Strategy(planId, code,
                    goalNumber == null ? null : new KpiProgressView.Goal(goalNumber, goals.get(planId + "/" + goalNumber)),
                    new KpiProgressView.Policy(policyCode, policy == null ? null : policy.title()),
                    new KpiProgressView.Measure(measureNumber, measures.get(planId + "/" + policyCode + "/"
                            + measureNumber)));
        }
    }
}
