package org.kpiledger.query.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The plans of the ledger as of an instant, for the API's list and the dashboard's plan picker: each with its
 * status on that day, and the plan in force then (the latest plan when none is).
 */
@Component
public class PlanDirectory {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PlanDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PlanSummary.Plans plans(AsOf at) {
        Object when = at.sqlValue();
        int fiscalYear = FiscalYear.containing(at.isNow() ? LocalDate.now(clock)
                : LocalDate.ofInstant(at.instant(), clock.getZone())).year();
        long[] position = {0};
        List<PlanSummary> plans = jdbc.query("""
                select p.plan_id, p.title, p.first_year, p.last_year, p.defined_last_year, p.period_reason,
                       p.period_decision, p.predecessor_plan_id, p.position,
                       (select s.plan_id from strategy_plan_version s where s.predecessor_plan_id = p.plan_id
                            and s.valid @> ?::timestamptz order by s.plan_id limit 1) as successor,
                       (select count(*) from kpi_version k where k.plan_id = p.plan_id
                            and k.valid @> ?::timestamptz) as kpis
                from strategy_plan_version p where p.valid @> ?::timestamptz
                order by p.first_year, p.plan_id""", (row, n) -> {
            position[0] = Math.max(position[0], row.getLong("position"));
            PlanSummary.Period period = new PlanSummary.Period(row.getInt("first_year"), row.getInt("last_year"));
            Integer definedLast = (Integer) row.getObject("defined_last_year");
            String reason = row.getString("period_reason");
            return new PlanSummary(row.getString("plan_id"), row.getString("title"), period,
                    new PlanSummary.Period(period.firstYear(), definedLast == null ? period.lastYear() : definedLast),
                    reason == null ? null : new PlanSummary.Revision(reason, row.getString("period_decision")),
                    row.getString("predecessor_plan_id"), row.getString("successor"),
                    period.covers(fiscalYear) ? PlanSummary.Status.IN_FORCE : fiscalYear < period.firstYear()
                            ? PlanSummary.Status.PLANNED : PlanSummary.Status.ENDED, row.getInt("kpis"));
        }, when, when, when);
        String inForce = plans.stream().filter(plan -> plan.status() == PlanSummary.Status.IN_FORCE)
                .max(Comparator.comparingInt(plan -> plan.period().firstYear())).map(PlanSummary::planId)
                .orElse(null);
        String latest = plans.stream().max(Comparator.comparingInt(plan -> plan.period().firstYear()))
                .map(PlanSummary::planId).orElse(null);
        return new PlanSummary.Plans(plans, inForce, inForce != null ? inForce : latest, at.instant(), position[0]);
    }

}
