package org.kpiledger.query.strategy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.serialization.UnknownSerializedType;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.events.strategy.StrategyPartRetiredEvent;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the temporal strategy tables (plans, goals, policies, measures, scoring policy adoptions) in step with the
 * event store: each event states a part as it now stands, so it ends that part's current row at its recording time
 * and adds a row valid from then on. Applying an event again (a replay) adds nothing: a row of that position is
 * there already.
 */
@Component
@ProcessingGroup(StrategyProjection.PROCESSING_GROUP)
class StrategyProjection {

    static final String PROCESSING_GROUP = "strategy";

    private final JdbcTemplate jdbc;

    StrategyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plan defined, or its title restated: the period a decision revised stays as revised unless the definition
     * states another period than before.
     */
    @EventHandler
    void on(StrategyDefinedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            EventMessage<?> message) {
        Map<String, Object> current = currentRow("strategy_plan_version", List.of("plan_id"),
                List.of(event.planId().value()));
        boolean periodRestated = current != null
                && Integer.valueOf(event.lastYear().year()).equals(current.get("defined_last_year"));
        nextRow("strategy_plan_version", List.of("plan_id"), List.of(event.planId().value()),
                List.of("version", "title", "first_year", "last_year", "defined_last_year", "predecessor_plan_id",
                        "period_reason", "period_decision"),
                Arrays.asList(sequenceNumber, event.title(), event.firstYear().year(),
                        periodRestated ? current.get("last_year") : event.lastYear().year(),
                        event.lastYear().year(), event.predecessor() == null ? null : event.predecessor().value(),
                        periodRestated ? current.get("period_reason") : null,
                        periodRestated ? current.get("period_decision") : null),
                recordedAt, message);
    }

    @EventHandler
    void on(PlanPeriodRevisedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            EventMessage<?> message) {
        restated("strategy_plan_version", List.of("plan_id"), List.of(event.planId().value()),
                Map.of("version", sequenceNumber, "last_year", event.lastYear().year(), "period_reason",
                        event.reason(), "period_decision", event.decisionReference()), recordedAt, message);
    }

    @EventHandler
    void on(StrategyPartRetiredEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        String plan = event.planId().value();
        Map<String, Object> retired = Map.of("retired_reason", event.reason(), "retired_decision",
                event.decisionReference());
        switch (event.part()) {
            case GOAL -> restated("strategy_goal_version", List.of("plan_id", "number"),
                    List.of(plan, Integer.parseInt(event.code())), retired, recordedAt, message);
            case POLICY -> restated("strategy_policy_version", List.of("plan_id", "code"), List.of(plan,
                    event.code()), retired, recordedAt, message);
            case MEASURE -> {
                int slash = event.code().lastIndexOf('/');
                restated("strategy_measure_version", List.of("plan_id", "policy_code", "number"),
                        List.of(plan, event.code().substring(0, slash), Integer.parseInt(event.code()
                                .substring(slash + 1))), retired, recordedAt, message);
            }
        }
    }

    @EventHandler
    void on(GoalDefinedEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        nextRow("strategy_goal_version", List.of("plan_id", "number"), List.of(event.planId().value(), event.number()),
                List.of("title"), List.of(event.title()), recordedAt, message);
    }

    @EventHandler
    void on(PolicyDefinedEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        nextRow("strategy_policy_version", List.of("plan_id", "code"), List.of(event.planId().value(), event.code()),
                List.of("goal_number", "title"), List.of(event.goalNumber(), event.title()), recordedAt, message);
    }

    @EventHandler
    void on(MeasureDefinedEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        nextRow("strategy_measure_version", List.of("plan_id", "policy_code", "number"),
                List.of(event.planId().value(), event.policyCode(), event.number()),
                List.of("title", "overall_plans"), List.of(event.title(), String.join("\n", event.overallPlans())),
                recordedAt, message);
    }

    @EventHandler
    void on(ScoringPolicyAdoptedEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        nextRow("scoring_policy_adoption_version", List.of("plan_id", "effective_from"),
                List.of(event.planId().value(), event.effectiveFrom().year()),
                List.of("policy_id", "policy_version"), List.of(event.policyId(), event.policyVersion()),
                recordedAt, message);
    }

    /** An event this release cannot read is parked in the dead-letter queue, its stream's later events behind it. */
    @EventHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table strategy_plan_version, strategy_goal_version, strategy_policy_version, "
                + "strategy_measure_version, scoring_policy_adoption_version");
    }

    /** A rebuild of one tenant: its rows only, which the replay builds again; the other tenants' stay. */
    @ResetHandler
    void reset(TenantRebuild rebuild) {
        rebuild.deleteRows(jdbc, "strategy_plan_version", "strategy_goal_version",
                "strategy_policy_version", "strategy_measure_version", "scoring_policy_adoption_version");
    }

    /** The part's current row, column by column (without its key, position and validity); null when none. */
    private Map<String, Object> currentRow(String table, List<String> keyColumns, List<Object> key) {
        String keyMatch = String.join(" and ", keyColumns.stream().map(column -> column + " = ?").toList());
        List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where " + keyMatch
                + " and upper_inf(valid)", key.toArray());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>(rows.get(0));
        keyColumns.forEach(row::remove);
        row.remove("position");
        row.remove("valid");
        return row;
    }

    /** The part's current row again with some columns changed, as its next row (a replay adds nothing). */
    private void restated(String table, List<String> keyColumns, List<Object> key, Map<String, Object> changes,
            Instant recordedAt, EventMessage<?> message) {
        Map<String, Object> row = currentRow(table, keyColumns, key);
        if (row == null) {
            return;
        }
        row.putAll(changes);
        nextRow(table, keyColumns, key, List.copyOf(row.keySet()), new ArrayList<>(row.values()), recordedAt,
                message);
    }

    /** Ends the current row of the part with this key at the recording time and adds the part as it now stands. */
    private void nextRow(String table, List<String> keyColumns, List<Object> key, List<String> columns,
            List<Object> values, Instant recordedAt, EventMessage<?> message) {
        long position = NotifiedEventSource.positionOf(message);
        OffsetDateTime at = recordedAt.atOffset(ZoneOffset.UTC);
        String keyMatch = String.join(" and ", keyColumns.stream().map(column -> column + " = ?").toList());
        if (!jdbc.queryForList("select 1 from " + table + " where " + keyMatch + " and position >= ? limit 1",
                arguments(key, List.of(position))).isEmpty()) {
            return;
        }
        List<OffsetDateTime> started = jdbc.queryForList("update " + table
                        + " set valid = tstzrange(lower(valid), greatest(lower(valid), ?), '[)') where " + keyMatch
                        + " and upper_inf(valid) returning lower(valid)", OffsetDateTime.class,
                arguments(List.of(at), key));
        OffsetDateTime from = started.isEmpty() || !started.get(0).isAfter(at) ? at : started.get(0);
        String allColumns = String.join(", ", keyColumns) + ", " + String.join(", ", columns);
        jdbc.update("insert into " + table + " (" + allColumns + ", position, valid) values ("
                        + "?, ".repeat(keyColumns.size() + columns.size()) + "?, tstzrange(?, null, '[)'))",
                arguments(key, values, List.of(position, from)));
    }

    private static Object[] arguments(List<?>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toArray();
    }
}
