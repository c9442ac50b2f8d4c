package org.kpiledger.query.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.platform.scoring.Scoring;
import org.kpiledger.query.scoring.Grader;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.SnapshotReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads KPI views from the temporal tables, as of an instant or now, in two queries whatever the number of KPIs:
 * the KPI versions valid then, and the actual versions valid then.
 */
@Component
public class KpiProgressReader {

    private final JdbcTemplate jdbc;
    private final StrategyLabels strategyLabels;
    private final Grader grader;
    private final SnapshotReads snapshot;

    KpiProgressReader(JdbcTemplate jdbc, StrategyLabels strategyLabels, Grader grader, SnapshotReads snapshot) {
        this.jdbc = jdbc;
        this.strategyLabels = strategyLabels;
        this.grader = grader;
        this.snapshot = snapshot;
    }

    /** Every KPI registered by then, by id, and the highest position among the rows read. */
    public Snapshot all(AsOf asOf) {
        return read(asOf, "", new Object[] {asOf.sqlValue()}, new Object[] {asOf.sqlValue()});
    }

    /** One KPI as of then; an empty snapshot when it was not registered by then. */
    public Snapshot one(String kpiId, AsOf asOf) {
        return read(asOf, " and kpi_id = ?", new Object[] {asOf.sqlValue(), kpiId},
                new Object[] {asOf.sqlValue(), kpiId});
    }

    public record Snapshot(List<KpiProgressView> kpis, long position) {
    }

    private Snapshot read(AsOf asOf, String filter, Object[] kpiArguments, Object[] actualArguments) {
        return snapshot.read(() -> readInSnapshot(asOf, filter, kpiArguments, actualArguments));
    }

    private Snapshot readInSnapshot(AsOf asOf, String filter, Object[] kpiArguments, Object[] actualArguments) {
        Map<String, List<KpiProgressView.Actual>> actuals = new HashMap<>();
        long[] position = {0};
        jdbc.query("select * from kpi_actual_version where valid @> ?::timestamptz" + filter
                + " order by kpi_id, fiscal_year", row -> {
                    actuals.computeIfAbsent(row.getString("kpi_id"), id -> new ArrayList<>()).add(actual(row));
                    position[0] = Math.max(position[0], row.getLong("position"));
                }, actualArguments);
        StrategyLabels.Snapshot strategies = strategyLabels.load(asOf);
        Grader.Adoptions adoptions = grader.load(asOf);
        List<KpiProgressView> kpis = jdbc.query("select * from kpi_version where valid @> ?::timestamptz" + filter
                + " order by kpi_id", (row, n) -> {
                    position[0] = Math.max(position[0], row.getLong("position"));
                    return view(row, actuals.getOrDefault(row.getString("kpi_id"), List.of()), strategies, adoptions,
                            asOf);
                }, kpiArguments);
        return new Snapshot(kpis, Math.max(position[0], Math.max(strategies.position(), adoptions.position())));
    }

    private static KpiProgressView view(ResultSet row, List<KpiProgressView.Actual> actuals,
            StrategyLabels.Snapshot strategies, Grader.Adoptions adoptions, AsOf asOf) throws SQLException {
        Accumulation accumulation = Accumulation.valueOf(row.getString("accumulation"));
        Direction direction = Direction.valueOf(row.getString("direction"));
        TargetComparator comparator = TargetComparator.valueOf(row.getString("target_comparator"));
        String planId = row.getString("plan_id");
        int baselineYear = row.getInt("baseline_fiscal_year");
        int targetYear = row.getInt("target_fiscal_year");
        KpiProgressView.Actual latest = actuals.isEmpty() ? null : actuals.get(actuals.size() - 1);
        return new KpiProgressView(row.getString("kpi_id"), row.getString("name"), row.getString("unit"),
                accumulation, direction, ValueKind.valueOf(row.getString("value_kind")),
                strategies.placement(planId, row.getString("policy_code"),
                        (Integer) row.getObject("measure_number")),
                row.getString("department"),
                new KpiProgressView.Baseline(baselineYear, row.getBigDecimal("baseline_value"),
                        row.getString("baseline_qualifier")),
                new KpiProgressView.Target(targetYear, row.getBigDecimal("target_value"), comparator),
                actuals, latest,
                adoptions.grade(planId, new Scoring.Kpi(accumulation, direction, baselineYear,
                                row.getBigDecimal("baseline_value"), targetYear, row.getBigDecimal("target_value"),
                                comparator),
                        latest == null ? null : latest.fiscalYear(), latest == null ? null : latest.value()),
                row.getLong("version"), instant(row, "recorded_at"), asOf.instant(), row.getLong("position"));
    }

    private static KpiProgressView.Actual actual(ResultSet row) throws SQLException {
        return new KpiProgressView.Actual(row.getInt("fiscal_year"), row.getBigDecimal("value"), row.getString("note"),
                row.getString("evidence_reference"), instant(row, "recorded_at"), row.getString("recorded_by"),
                row.getInt("corrections"), instant(row, "last_corrected_at"), row.getString("last_corrected_by"),
                row.getString("last_correction_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
