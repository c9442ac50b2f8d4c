package org.kpiledger.query.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.scoring.Grader;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.kpiledger.query.temporal.SnapshotReads;
import org.kpiledger.scoring.Scoring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API of strategies: the plan's tree with the KPIs under each measure, in a handful of queries. */
@RestController
@RequestMapping("/api/v1/strategies")
@Tag(name = "Strategies", description = "A strategy's goals, policies, measures and KPIs")
class StrategyController {

    private final JdbcTemplate jdbc;
    private final Grader grader;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final SnapshotReads snapshot;

    StrategyController(JdbcTemplate jdbc, Grader grader, Clock clock, ProjectionProgress progress,
            SnapshotReads snapshot) {
        this.jdbc = jdbc;
        this.grader = grader;
        this.clock = clock;
        this.progress = progress;
        this.snapshot = snapshot;
    }

    @GetMapping("/{planId}")
    @Operation(summary = "A strategy's tree: goals, policies, measures and the KPIs under each")
    StrategyTreeView tree(@PathVariable PlanId planId, @Parameter(description = "An ISO-8601 instant with its "
            + "offset, or a date (the end of that day in the ledger's time zone): the tree as it stood then. Absent: "
            + "now.") @RequestParam(required = false) String asOf,
            @Parameter(description = "The position a write answered: the read waits (at most 5 s) until it "
                    + "includes that write.") @RequestParam(required = false) Long minPosition) {
        String id = planId.value();
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, List.of(StrategyProjection.PROCESSING_GROUP, "kpi-progress"));
        return snapshot.read(() -> tree(id, at));
    }

    private StrategyTreeView tree(String id, AsOf at) {
        Object when = at.sqlValue();
        long[] position = {0};
        List<StrategyTreeView> plans = jdbc.query(
                "select title, first_year, last_year, version, position from strategy_plan_version "
                        + "where plan_id = ? and valid @> ?::timestamptz",
                (row, n) -> {
                    position[0] = row.getLong(5);
                    return new StrategyTreeView(id, row.getString(1),
                            new StrategyTreeView.Period(row.getInt(2), row.getInt(3)), null, List.of(), List.of(),
                            row.getLong(4), at.instant(), 0);
                }, id, when);
        if (plans.isEmpty()) {
            throw ProblemType.STRATEGY_NOT_FOUND.exception(
                    "No strategy " + id + " is in the ledger.", "planId");
        }
        Grader.Adoptions adoptions = grader.load(at);
        Map<String, List<StrategyTreeView.Kpi>> kpisByMeasure = kpisByMeasure(id, adoptions, when, position);
        Map<String, List<StrategyTreeView.Measure>> measuresByPolicy = new LinkedHashMap<>();
        jdbc.query("select policy_code, number, title, overall_plans, position, retired_reason, retired_decision "
                + "from strategy_measure_version "
                + "where plan_id = ? and valid @> ?::timestamptz order by policy_code, number", row -> {
                    position[0] = Math.max(position[0], row.getLong(5));
                    String key = row.getString(1) + "/" + row.getInt(2);
                    List<StrategyTreeView.Kpi> kpis = kpisByMeasure.getOrDefault(key, List.of());
                    measuresByPolicy.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                            .add(new StrategyTreeView.Measure(row.getInt(2), row.getString(3),
                                    row.getString(4).isEmpty() ? List.of() : List.of(row.getString(4).split("\n")),
                                    StrategyTreeView.RollUp.of(kpis), kpis,
                                    StrategyTreeView.Retired.of(row.getString(6), row.getString(7))));
                }, id, when);
        Map<Integer, List<StrategyTreeView.Policy>> policiesByGoal = new LinkedHashMap<>();
        jdbc.query("select goal_number, code, title, position, retired_reason, retired_decision "
                + "from strategy_policy_version "
                + "where plan_id = ? and valid @> ?::timestamptz order by code", row -> {
            position[0] = Math.max(position[0], row.getLong(4));
            List<StrategyTreeView.Measure> measures = measuresByPolicy.getOrDefault(row.getString(2), List.of());
            policiesByGoal.computeIfAbsent(row.getInt(1), goal -> new ArrayList<>())
                    .add(new StrategyTreeView.Policy(row.getString(2), row.getString(3),
                            StrategyTreeView.RollUp.of(kpisOf(measures)), measures,
                            StrategyTreeView.Retired.of(row.getString(5), row.getString(6))));
        }, id, when);
        List<StrategyTreeView.Goal> goals = jdbc.query(
                "select number, title, position, retired_reason, retired_decision from strategy_goal_version "
                        + "where plan_id = ? "
                        + "and valid @> ?::timestamptz order by number",
                (row, n) -> {
                    position[0] = Math.max(position[0], row.getLong(3));
                    List<StrategyTreeView.Policy> policies = policiesByGoal.getOrDefault(row.getInt(1), List.of());
                    return new StrategyTreeView.Goal(row.getInt(1), row.getString(2), StrategyTreeView.RollUp.of(
                            policies.stream().flatMap(policy -> kpisOf(policy.measures()).stream()).toList()),
                            policies, StrategyTreeView.Retired.of(row.getString(4), row.getString(5)));
                }, id, when);
        StrategyTreeView plan = plans.get(0);
        return new StrategyTreeView(id, plan.title(), plan.period(),
                StrategyTreeView.RollUp.of(kpisByMeasure.values().stream().flatMap(List::stream).toList()),
                adoptions.of(id).stream().map(adoption -> new StrategyTreeView.ScoringPolicyInForce(
                        adoption.effectiveFrom(), adoption.policyId(), adoption.policyVersion())).toList(),
                goals, plan.version(), at.instant(), Math.max(position[0], adoptions.position()));
    }

    private static List<StrategyTreeView.Kpi> kpisOf(List<StrategyTreeView.Measure> measures) {
        return measures.stream().flatMap(measure -> measure.kpis().stream()).toList();
    }

    /** Each KPI of the plan valid then, with its latest recorded fiscal year: btree probes, as in the KPI list. */
    private Map<String, List<StrategyTreeView.Kpi>> kpisByMeasure(String planId, Grader.Adoptions adoptions,
            Object when, long[] position) {
        Map<String, List<StrategyTreeView.Kpi>> kpis = new LinkedHashMap<>();
        jdbc.query("""
                select k.kpi_id, k.name, k.unit, k.accumulation, k.direction, k.baseline_fiscal_year,
                       k.baseline_value, k.target_fiscal_year, k.target_value, k.target_comparator, k.version,
                       k.policy_code, k.measure_number, latest.fiscal_year, latest.value, k.position
                from kpi_version registration
                cross join lateral (select * from kpi_version v
                                    where v.kpi_id = registration.kpi_id and lower(v.valid) <= ?::timestamptz
                                    order by lower(v.valid) desc, v.version desc limit 1) k
                left join lateral (select a.fiscal_year, a.value from kpi_actual_version recorded
                                   cross join lateral (select a.fiscal_year, a.value from kpi_actual_version a
                                                       where a.kpi_id = recorded.kpi_id
                                                           and a.fiscal_year = recorded.fiscal_year
                                                           and lower(a.valid) <= ?::timestamptz
                                                       order by lower(a.valid) desc, a.version desc limit 1) a
                                   where recorded.kpi_id = k.kpi_id and recorded.corrections = 0
                                       and lower(recorded.valid) <= ?::timestamptz
                                   order by recorded.fiscal_year desc limit 1) latest on true
                where registration.version = 0 and lower(registration.valid) <= ?::timestamptz and k.plan_id = ?
                order by k.kpi_id""", row -> {
            position[0] = Math.max(position[0], row.getLong(16));
            BigDecimal latestValue = row.getBigDecimal(15);
            Integer latestYear = latestValue == null ? null : row.getInt(14);
            Accumulation accumulation = Accumulation.valueOf(row.getString(4));
            Direction direction = Direction.valueOf(row.getString(5));
            TargetComparator comparator = TargetComparator.valueOf(row.getString(10));
            Scoring.Kpi graded = new Scoring.Kpi(accumulation, direction, row.getInt(6), row.getBigDecimal(7),
                    row.getInt(8), row.getBigDecimal(9), comparator);
            kpis.computeIfAbsent(row.getString(12) + "/" + row.getInt(13), key -> new ArrayList<>())
                    .add(new StrategyTreeView.Kpi(row.getString(1), row.getString(2), row.getString(3),
                            accumulation, direction,
                            new StrategyTreeView.Figure(row.getInt(6), row.getBigDecimal(7)),
                            new StrategyTreeView.Target(row.getInt(8), row.getBigDecimal(9), comparator),
                            latestValue == null ? null : new StrategyTreeView.Figure(latestYear, latestValue),
                            adoptions.grade(planId, graded, latestYear, latestValue),
                            row.getLong(11)));
        }, when, when, when, when, planId);
        return kpis;
    }
}
