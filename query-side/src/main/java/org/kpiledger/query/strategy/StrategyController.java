package org.kpiledger.query.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.scoring.Scoring;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.query.scoring.Grader;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read API of strategies: the plan's tree with the KPIs under each measure, in a handful of queries. */
@RestController
@RequestMapping("/api/v1/strategies")
@Tag(name = "Strategies", description = "A strategy's goals, policies, measures and KPIs")
@Transactional(readOnly = true)
class StrategyController {

    private final JdbcTemplate jdbc;
    private final Grader grader;

    StrategyController(JdbcTemplate jdbc, Grader grader) {
        this.jdbc = jdbc;
        this.grader = grader;
    }

    @GetMapping("/{planId}")
    @Operation(summary = "A strategy's tree: goals, policies, measures and the KPIs under each")
    StrategyTreeView tree(@PathVariable PlanId planId) {
        String id = planId.value();
        List<StrategyTreeView> plans = jdbc.query(
                "select title, first_year, last_year, version from strategy_plan where plan_id = ?",
                (row, n) -> new StrategyTreeView(id, row.getString(1),
                        new StrategyTreeView.Period(row.getInt(2), row.getInt(3)), null, List.of(), List.of(),
                        row.getLong(4)), id);
        if (plans.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemCode.problem(HttpStatus.NOT_FOUND,
                    "STRATEGY_NOT_FOUND", "No strategy " + id + " is in the ledger.", "planId"), null);
        }
        Grader.Adoptions adoptions = grader.load();
        Map<String, List<StrategyTreeView.Kpi>> kpisByMeasure = kpisByMeasure(id, adoptions);
        Map<String, List<StrategyTreeView.Measure>> measuresByPolicy = new LinkedHashMap<>();
        jdbc.query("select policy_code, number, title, overall_plans from strategy_measure where plan_id = ? "
                + "order by policy_code, number", row -> {
                    String key = row.getString(1) + "/" + row.getInt(2);
                    List<StrategyTreeView.Kpi> kpis = kpisByMeasure.getOrDefault(key, List.of());
                    measuresByPolicy.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                            .add(new StrategyTreeView.Measure(row.getInt(2), row.getString(3),
                                    row.getString(4).isEmpty() ? List.of() : List.of(row.getString(4).split("\n")),
                                    StrategyTreeView.RollUp.of(kpis), kpis));
                }, id);
        Map<Integer, List<StrategyTreeView.Policy>> policiesByGoal = new LinkedHashMap<>();
        jdbc.query("select goal_number, code, title from strategy_policy where plan_id = ? order by code", row -> {
            List<StrategyTreeView.Measure> measures = measuresByPolicy.getOrDefault(row.getString(2), List.of());
            policiesByGoal.computeIfAbsent(row.getInt(1), goal -> new ArrayList<>())
                    .add(new StrategyTreeView.Policy(row.getString(2), row.getString(3),
                            StrategyTreeView.RollUp.of(kpisOf(measures)), measures));
        }, id);
        List<StrategyTreeView.Goal> goals = jdbc.query(
                "select number, title from strategy_goal where plan_id = ? order by number",
                (row, n) -> {
                    List<StrategyTreeView.Policy> policies = policiesByGoal.getOrDefault(row.getInt(1), List.of());
                    return new StrategyTreeView.Goal(row.getInt(1), row.getString(2), StrategyTreeView.RollUp.of(
                            policies.stream().flatMap(policy -> kpisOf(policy.measures()).stream()).toList()),
                            policies);
                }, id);
        StrategyTreeView plan = plans.get(0);
        return new StrategyTreeView(id, plan.title(), plan.period(),
                StrategyTreeView.RollUp.of(kpisByMeasure.values().stream().flatMap(List::stream).toList()),
                adoptions.of(id).stream().map(adoption -> new StrategyTreeView.ScoringPolicyInForce(
                        adoption.effectiveFrom(), adoption.policyId(), adoption.policyVersion())).toList(),
                goals, plan.version());
    }

    private static List<StrategyTreeView.Kpi> kpisOf(List<StrategyTreeView.Measure> measures) {
        return measures.stream().flatMap(measure -> measure.kpis().stream()).toList();
    }

    private Map<String, List<StrategyTreeView.Kpi>> kpisByMeasure(String planId, Grader.Adoptions adoptions) {
        Map<String, List<StrategyTreeView.Kpi>> kpis = new LinkedHashMap<>();
        jdbc.query("""
                select k.kpi_id, k.name, k.unit, k.accumulation, k.direction, k.baseline_fiscal_year,
                       k.baseline_value, k.target_fiscal_year, k.target_value, k.target_comparator, k.version,
                       k.policy_code, k.measure_number, latest.fiscal_year, latest.value
                from kpi_progress k
                left join lateral (select a.fiscal_year, a.value from kpi_progress_actual a
                                   where a.kpi_id = k.kpi_id order by a.fiscal_year desc limit 1) latest on true
                where k.plan_id = ?
                order by k.kpi_id""", row -> {
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
        }, planId);
        return kpis;
    }
}
