package org.kpiledger.query.period;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kpiledger.query.temporal.SnapshotReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the reporting cycle: a period with each department's state computed from the KPIs it owns in the plan now
 * and their figures of the year, in one snapshot.
 */
@Component
class PeriodReader {

    private final JdbcTemplate jdbc;
    private final SnapshotReads snapshot;
    private final JsonMapper json;
    private final Clock clock;

    PeriodReader(JdbcTemplate jdbc, SnapshotReads snapshot, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.json = json;
        this.clock = clock;
    }

    List<PeriodView.Summary> periods(String planId) {
        return jdbc.query("select fiscal_year, state, due_date, publication_id from reporting_period "
                + "where plan_id = ? order by fiscal_year", (row, n) -> new PeriodView.Summary(row.getInt(1),
                row.getString(2), row.getObject(3, LocalDate.class), row.getString(4)), planId);
    }

    Optional<PeriodView.Period> period(String planId, int fiscalYear) {
        return snapshot.read(() -> {
            List<PeriodView.Period> found = jdbc.query("select * from reporting_period where plan_id = ? "
                    + "and fiscal_year = ?", (row, n) -> assemble(row, planId, fiscalYear), planId, fiscalYear);
            return found.stream().findFirst();
        });
    }

    /** A KPI of the period: {@code heldBy} names the predecessor's KPI that reports its figure of an overlap year. */
    private record Figure(String kpiId, String department, boolean recorded, boolean late, String heldBy) {
    }

    private PeriodView.Period assemble(ResultSet period, String planId, int fiscalYear) throws SQLException {
        String state = period.getString("state");
        LocalDate dueDate = period.getObject("due_date", LocalDate.class);
        long[] position = {period.getLong("position")};
        List<Figure> figures = jdbc.query("""
                select v.kpi_id, v.department,
                    exists (select 1 from kpi_actual_version a where a.kpi_id = v.kpi_id and a.fiscal_year = ?
                            and upper_inf(a.valid)) as recorded,
                    exists (select 1 from kpi_figure_cycle c where c.kpi_id = v.kpi_id and c.fiscal_year = ?
                            and upper_inf(c.valid) and c.late_reason is not null) as late,
                    case when v.lineage <> 'REDEFINED' and exists (
                            select 1 from kpi_version p
                            join strategy_plan_version pp on pp.plan_id = p.plan_id and upper_inf(pp.valid)
                            where p.kpi_id = v.continues_kpi_id and upper_inf(p.valid)
                                and pp.first_year <= ? and pp.last_year >= ?
                                and (p.retired_last_year is null or p.retired_last_year >= ?))
                         then v.continues_kpi_id end as held_by
                from kpi_version v where upper_inf(v.valid) and v.plan_id = ?
                    and (v.retired_last_year is null or v.retired_last_year >= ?)
                order by v.kpi_id""",
                (row, n) -> new Figure(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                        row.getString(5)),
                fiscalYear, fiscalYear, fiscalYear, fiscalYear, fiscalYear, planId, fiscalYear);
        Map<String, String[]> reviews = new HashMap<>();
        jdbc.query("select department, state, submitted_by, submitted_at, reviewed_by, comment, position "
                + "from reporting_period_department where plan_id = ? and fiscal_year = ?", row -> {
                    reviews.put(row.getString(1), new String[] {row.getString(2), row.getString(3),
                            row.getObject(4, OffsetDateTime.class).toInstant().toString(), row.getString(5),
                            row.getString(6)});
                    position[0] = Math.max(position[0], row.getLong(7));
                }, planId, fiscalYear);
        Map<String, List<Figure>> byDepartment = new TreeMap<>();
        List<String> unassigned = new ArrayList<>();
        List<PeriodView.HeldByPredecessor> heldByPredecessors = new ArrayList<>();
        for (Figure figure : figures) {
            if (figure.heldBy() != null) {
                heldByPredecessors.add(new PeriodView.HeldByPredecessor(figure.kpiId(), figure.heldBy()));
            } else if (figure.department() == null) {
                unassigned.add(figure.kpiId());
            } else {
                byDepartment.computeIfAbsent(figure.department(), department -> new ArrayList<>()).add(figure);
            }
        }
        boolean pastDue = LocalDate.now(clock).isAfter(dueDate);
        List<PeriodView.Department> departments = new ArrayList<>();
        byDepartment.forEach((department, owned) -> {
            int recorded = (int) owned.stream().filter(figure -> figure.recorded() || figure.late()).count();
            int late = (int) owned.stream().filter(figure -> !figure.recorded() && figure.late()).count();
            List<String> missing = owned.stream().filter(figure -> !figure.recorded() && !figure.late())
                    .map(Figure::kpiId).toList();
            String[] review = reviews.get(department);
            String departmentState = review != null ? review[0] : recorded == 0 ? "NOT_STARTED" : "IN_PROGRESS";
            boolean done = departmentState.equals("SUBMITTED") || departmentState.equals("APPROVED");
            departments.add(new PeriodView.Department(department, departmentState, owned.size(), recorded, late,
                    missing, pastDue && !done && !state.equals("PUBLISHED"),
                    review == null ? null : review[1], review == null ? null : Instant.parse(review[2]),
                    review == null ? null : review[3], review == null ? null : review[4]));
        });
        List<PeriodView.Opinion> opinions = jdbc.query("select opinion_id, text, kpi_id, goal, given_at, given_by, "
                + "position from reporting_period_opinion where plan_id = ? and fiscal_year = ? order by position",
                (row, n) -> {
                    position[0] = Math.max(position[0], row.getLong(7));
                    return new PeriodView.Opinion(row.getString(1), row.getString(2), row.getString(3),
                            (Integer) row.getObject(4), row.getObject(5, OffsetDateTime.class).toInstant(),
                            row.getString(6));
                }, planId, fiscalYear);
        return new PeriodView.Period(planId, fiscalYear, state, dueDate, period.getString("publication_id"),
                departments, unassigned, heldByPredecessors, opinions, position[0]);
    }

    /**
     * Every figure of the year of the plan's KPIs recorded or corrected after the year's first publication, with
     * the reopening in force when it changed.
     */
    List<PeriodView.ChangeSincePublication> changesSincePublication(String planId, int fiscalYear) {
        return jdbc.query("""
                with first_publication as (
                    select min(position) as position from reporting_period_step
                    where plan_id = ? and fiscal_year = ? and step = 'PUBLISHED')
                select c.position, c.subject, c.fiscal_year, c.type, c.from_value, c.to_value, c.recorded_at,
                    c.actor, c.reason, r.reason as reopening_reason, r.decision_reference
                from ledger_change c
                join first_publication p on c.position > p.position
                left join lateral (select reason, decision_reference from reporting_period_step s
                                   where s.plan_id = ? and s.fiscal_year = ? and s.step = 'REOPENED'
                                       and s.position < c.position and c.subject = any(s.kpi_ids)
                                   order by s.position desc limit 1) r on true
                where c.subject_kind = 'KPI' and c.fiscal_year = ?
                    and c.type in ('ActualRecorded', 'ActualCorrected')
                    and c.subject in (select kpi_id from kpi_version where upper_inf(valid) and plan_id = ?)
                order by c.position""", (row, n) -> new PeriodView.ChangeSincePublication(row.getLong(1),
                row.getString(2), row.getInt(3), row.getString(4), number(row.getString(5)),
                number(row.getString(6)), row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11)),
                planId, fiscalYear, planId, fiscalYear, fiscalYear, planId);
    }

    /**
     * The figures of a department's last submission that changed after its previous one (or after the period
     * opened, at the first submission): what a reviewer looks at again.
     */
    List<Map<String, Object>> changesSincePreviousSubmission(String planId, int fiscalYear, String department) {
        return jdbc.queryForList("""
                with submissions as (
                    select position, row_number() over (order by position desc) as n from ledger_change
                    where subject = ? and subject_kind = 'PERIOD' and type = 'DepartmentSubmitted'
                        and to_value ->> 'department' = ?),
                     window_of as (
                    select coalesce((select position from submissions where n = 2), 0) as after,
                           coalesce((select position from submissions where n = 1), 0) as upto),
                     submitted as (
                    select kpi_ids from reporting_period_department
                    where plan_id = ? and fiscal_year = ? and department = ?)
                select c.subject as kpi_id, c.type, c.from_value #>> '{}' as from_value,
                    c.to_value #>> '{}' as to_value, c.recorded_at, c.actor, c.reason
                from ledger_change c, window_of w, submitted s
                where c.subject_kind = 'KPI' and c.fiscal_year = ? and c.subject = any(s.kpi_ids)
                    and c.type in ('ActualRecorded', 'ActualCorrected')
                    and c.position > w.after and c.position < w.upto
                order by c.position""", planId + "/" + fiscalYear, department, planId, fiscalYear, department,
                fiscalYear);
    }

    private BigDecimal number(String jsonValue) {
        if (jsonValue == null) {
            return null;
        }
        JsonNode node = json.readTree(jsonValue);
        return node.isNumber() ? node.decimalValue() : null;
    }
}
