package org.kpiledger.query.progress;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FigureStatus;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.query.scoring.Grader;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.SnapshotReads;
import org.kpiledger.scoring.Achievement;
import org.kpiledger.scoring.Scoring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads KPI views from the temporal tables, as of an instant or now (the same queries: now is as of
 * {@code 'infinity'}), a page of KPIs in id order at a time, in two queries whatever the page's size: for each KPI
 * registered by then its latest version begun by then, and for those KPIs the latest version of each fiscal year's
 * actual begun by then. Each "latest version" is one probe of a btree index, so a page costs the same whether a KPI
 * has ten versions or a thousand.
 */
@Component
public class KpiProgressReader {

    /**
     * For each {@code recorded} first version of a year's actual: its latest version begun by an instant ({@code a}),
     * and that year's latest place in the reporting cycle begun by the same instant ({@code c}); two parameters.
     */
    private static final String LATEST_ACTUAL_AND_ITS_CYCLE = """
            cross join lateral (select * from kpi_actual_version a
                                where a.kpi_id = recorded.kpi_id and a.fiscal_year = recorded.fiscal_year
                                    and lower(a.valid) <= ?::timestamptz
                                order by lower(a.valid) desc, a.version desc limit 1) a
            left join lateral (select status, published_value, publication_id from kpi_figure_cycle c
                               where c.kpi_id = a.kpi_id and c.fiscal_year = a.fiscal_year
                                   and lower(c.valid) <= ?::timestamptz
                               order by lower(c.valid) desc, c.position desc limit 1) c on true
            """;

    /** The versions valid at an instant of the KPIs in a range of ids: the page's KPIs, in id order. */
    private static final String KPIS = """
            select v.*, registration.target_fiscal_year as original_target_fiscal_year,
                   registration.target_value as original_target_value,
                   registration.target_comparator as original_target_comparator
            from kpi_version registration
            cross join lateral (select * from kpi_version v
                                where v.kpi_id = registration.kpi_id and lower(v.valid) <= ?::timestamptz
                                order by lower(v.valid) desc, v.version desc limit 1) v
            where registration.version = 0 and registration.kpi_id %s ? and lower(registration.valid) <= ?::timestamptz
            order by registration.kpi_id limit ?""";
    /**
     * The actual versions valid at an instant of the same page's KPIs: for each fiscal year recorded by then (its
     * first version), the latest version begun by then.
     */
    private static final String ACTUALS = """
            with page as materialized (select kpi_id from kpi_version where version = 0 and kpi_id %s ?
                                       and lower(valid) <= ?::timestamptz order by kpi_id limit ?)
            select a.*, c.status as cycle_status, c.published_value, c.publication_id from page
            join kpi_actual_version recorded on recorded.kpi_id = page.kpi_id and recorded.corrections = 0
                and lower(recorded.valid) <= ?::timestamptz
            """ + LATEST_ACTUAL_AND_ITS_CYCLE + """
            order by a.kpi_id, a.fiscal_year""";

    /**
     * The target set where a KPI's series began: the registered target of its earliest ancestor reached through
     * links that continue the series (a {@code REDEFINED} link starts a new series).
     */
    private static final String SERIES_ORIGINAL_TARGET = """
            with recursive chain (kpi_id, continues_kpi_id, lineage, depth) as (
                select kpi_id, continues_kpi_id, lineage, 0 from kpi_version where kpi_id = ? and version = 0
                union all
                select p.kpi_id, p.continues_kpi_id, p.lineage, chain.depth + 1 from chain
                join kpi_version p on p.kpi_id = chain.continues_kpi_id and p.version = 0
                    and lower(p.valid) <= ?::timestamptz
                where chain.lineage <> 'REDEFINED' and chain.depth < 100)
            select r.target_fiscal_year, r.target_value, r.target_comparator from chain
            join kpi_version r on r.kpi_id = chain.kpi_id and r.version = 0
            order by chain.depth desc limit 1""";

    /**
     * The figures of a successor's KPI that its predecessor's KPI holds: those of the years both plans cover (as they
     * stood then), and the predecessor still measured, each as the predecessor's KPI has it, with its status there.
     */
    private static final String HELD_BY_PREDECESSOR = """
            with successor_plan as (select first_year, last_year from strategy_plan_version
                                    where plan_id = ? and valid @> ?::timestamptz),
                 predecessor as (select v.plan_id, v.retired_last_year from kpi_version v
                                 where v.kpi_id = ? and lower(v.valid) <= ?::timestamptz
                                 order by lower(v.valid) desc, v.version desc limit 1),
                 predecessor_plan as (select p.last_year from strategy_plan_version p
                                      join predecessor on p.plan_id = predecessor.plan_id
                                      where p.valid @> ?::timestamptz)
            select a.*, c.status as cycle_status, c.published_value, c.publication_id,
                   (select plan_id from predecessor) as held_in
            from kpi_actual_version recorded
            """ + LATEST_ACTUAL_AND_ITS_CYCLE + """
            where recorded.kpi_id = ? and recorded.corrections = 0 and lower(recorded.valid) <= ?::timestamptz
                and recorded.fiscal_year >= (select first_year from successor_plan)
                and recorded.fiscal_year <= (select least(s.last_year, pp.last_year,
                                                          coalesce(p.retired_last_year, s.last_year))
                                             from successor_plan s, predecessor_plan pp, predecessor p)
            order by a.fiscal_year""";

    private final JdbcTemplate jdbc;
    private final StrategyLabels strategyLabels;
    private final Grader grader;
    private final SnapshotReads snapshot;
    private final PublicFigures publicFigures;

    KpiProgressReader(JdbcTemplate jdbc, StrategyLabels strategyLabels, Grader grader, SnapshotReads snapshot,
            PublicFigures publicFigures) {
        this.jdbc = jdbc;
        this.strategyLabels = strategyLabels;
        this.grader = grader;
        this.snapshot = snapshot;
        this.publicFigures = publicFigures;
    }

    /** Every KPI registered by then, by id, and the highest position among the rows read. */
    public Snapshot all(AsOf asOf) {
        return page(asOf, "", Integer.MAX_VALUE);
    }

    /** Up to {@code limit} KPIs registered by then whose id comes after {@code after} ("" for the first page). */
    public Snapshot page(AsOf asOf, String after, int limit) {
        return snapshot.read(() -> readInSnapshot(asOf, ">", after, limit));
    }

    /** One KPI as of then; an empty snapshot when it was not registered by then. */
    public Snapshot one(String kpiId, AsOf asOf) {
        return snapshot.read(() -> readInSnapshot(asOf, "=", kpiId, 1));
    }

    public record Snapshot(List<KpiProgressView> kpis, long position) {
    }

    private Snapshot readInSnapshot(AsOf asOf, String idComparison, String id, int limit) {
        Object when = asOf.sqlValue();
        Map<String, List<KpiProgressView.Actual>> actuals = new HashMap<>();
        long[] position = {0};
        jdbc.query(ACTUALS.formatted(idComparison), row -> {
            actuals.computeIfAbsent(row.getString("kpi_id"), kpi -> new ArrayList<>()).add(actual(row));
            position[0] = Math.max(position[0], row.getLong("position"));
        }, id, when, limit, when, when, when);
        StrategyLabels.Snapshot strategies = strategyLabels.load(asOf);
        Grader.Adoptions adoptions = grader.load(asOf);
        Set<String> publishedOnly = publicFigures.periodsToFilter();
        List<KpiProgressView> kpis = jdbc.query(KPIS.formatted(idComparison), (row, n) -> {
            position[0] = Math.max(position[0], row.getLong("position"));
            KpiProgressView.Target originalTarget = originalTarget(row, when);
            List<KpiProgressView.Actual> shown = withHeldByPredecessor(row,
                    actuals.getOrDefault(row.getString("kpi_id"), List.of()), when);
            return view(row, PublicFigures.forThePublic(shown, row.getString("plan_id"), publishedOnly), strategies,
                    adoptions, asOf, originalTarget);
        }, when, id, when, limit);
        return new Snapshot(kpis, Math.max(position[0], Math.max(strategies.position(), adoptions.position())));
    }

    /**
     * A successor's own figures and, for the years its predecessor's plan also covers, the figures its predecessor's
     * KPI holds (entered once, shown under both plans), by fiscal year.
     */
    private List<KpiProgressView.Actual> withHeldByPredecessor(ResultSet row, List<KpiProgressView.Actual> own,
            Object when) throws SQLException {
        String predecessor = row.getString("continues_kpi_id");
        if (predecessor == null || "REDEFINED".equals(row.getString("lineage")) || row.getString("plan_id") == null) {
            return own;
        }
        Set<Integer> ownYears = new HashSet<>();
        own.forEach(actual -> ownYears.add(actual.fiscalYear()));
        List<KpiProgressView.Actual> shown = new ArrayList<>(own);
        jdbc.query(HELD_BY_PREDECESSOR, held -> {
            if (!ownYears.contains(held.getInt("fiscal_year"))) {
                shown.add(actual(held).heldBy(new KpiProgressView.RecordedUnder(predecessor,
                        held.getString("held_in"))));
            }
        }, row.getString("plan_id"), when, predecessor, when, when, when, when, predecessor, when);
        shown.sort(Comparator.comparingInt(KpiProgressView.Actual::fiscalYear));
        return shown;
    }

    /** The target the KPI's series began with: its own registered one, or an ancestor's through its lineage. */
    private KpiProgressView.Target originalTarget(ResultSet row, Object when) throws SQLException {
        if (row.getString("continues_kpi_id") == null || "REDEFINED".equals(row.getString("lineage"))) {
            return new KpiProgressView.Target(row.getInt("original_target_fiscal_year"),
                    row.getBigDecimal("original_target_value"),
                    TargetComparator.valueOf(row.getString("original_target_comparator")));
        }
        return jdbc.queryForObject(SERIES_ORIGINAL_TARGET, (target, n) -> new KpiProgressView.Target(
                target.getInt(1), target.getBigDecimal(2), TargetComparator.valueOf(target.getString(3))),
                row.getString("kpi_id"), when);
    }

    private static KpiProgressView view(ResultSet row, List<KpiProgressView.Actual> actuals,
            StrategyLabels.Snapshot strategies, Grader.Adoptions adoptions, AsOf asOf,
            KpiProgressView.Target originalTarget) throws SQLException {
        Accumulation accumulation = Accumulation.valueOf(row.getString("accumulation"));
        Direction direction = Direction.valueOf(row.getString("direction"));
        TargetComparator comparator = TargetComparator.valueOf(row.getString("target_comparator"));
        String planId = row.getString("plan_id");
        int baselineYear = row.getInt("baseline_fiscal_year");
        int targetYear = row.getInt("target_fiscal_year");
        KpiProgressView.Actual latest = actuals.isEmpty() ? null : actuals.get(actuals.size() - 1);
        String kpiId = row.getString("kpi_id");
        String code = row.getString("code");
        KpiProgressView.Target target = new KpiProgressView.Target(targetYear, row.getBigDecimal("target_value"),
                comparator);
        BigDecimal baselineValue = row.getBigDecimal("baseline_value");
        Function<KpiProgressView.Target, Achievement> grade = against -> adoptions.grade(planId,
                new Scoring.Kpi(accumulation, direction, baselineYear, baselineValue,
                        against.fiscalYear(), against.value(), against.comparator()),
                latest == null ? null : latest.fiscalYear(), latest == null ? null : latest.value());
        KpiProgressView.Judgement againstOriginal = sameTarget(target, originalTarget) ? null
                : new KpiProgressView.Judgement(grade.apply(originalTarget), originalTarget, null);
        Integer retiredAfter = (Integer) row.getObject("retired_last_year");
        return new KpiProgressView(kpiId, row.getString("name"), row.getString("unit"),
                accumulation, direction, ValueKind.valueOf(row.getString("value_kind")),
                strategies.placement(planId, code == null ? kpiId : code, row.getString("policy_code"),
                        (Integer) row.getObject("measure_number")),
                row.getString("department"),
                new KpiProgressView.Baseline(baselineYear, row.getBigDecimal("baseline_value"),
                        row.getString("baseline_qualifier")),
                target, actuals, latest, new KpiProgressView.Judgement(grade.apply(target), target, againstOriginal),
                row.getString("continues_kpi_id") == null ? null : new KpiProgressView.Lineage(
                        row.getString("continues_kpi_id"), LineageKind.valueOf(row.getString("lineage"))),
                retiredAfter == null ? null : new KpiProgressView.Retirement(retiredAfter,
                        row.getString("retirement_reason"), row.getString("retirement_decision")),
                row.getLong("version"), instant(row, "recorded_at"), asOf.instant(), row.getLong("position"));
    }

    private static boolean sameTarget(KpiProgressView.Target current, KpiProgressView.Target original) {
        return current.fiscalYear() == original.fiscalYear() && current.value().compareTo(original.value()) == 0
                && current.comparator() == original.comparator();
    }

    /** An actual, with its place in the reporting cycle then (a year the cycle never touched is recorded). */
    private static KpiProgressView.Actual actual(ResultSet row) throws SQLException {
        BigDecimal value = row.getBigDecimal("value");
        String cycleStatus = row.getString("cycle_status");
        FigureStatus status = cycleStatus == null ? FigureStatus.RECORDED : FigureStatus.valueOf(cycleStatus);
        KpiProgressView.Published published = null;
        Boolean changed = null;
        String publicationId = row.getString("publication_id");
        if (publicationId != null) {
            BigDecimal publishedValue = row.getBigDecimal("published_value");
            published = new KpiProgressView.Published(publishedValue, publicationId);
            changed = publishedValue == null || publishedValue.compareTo(value) != 0;
        }
        return new KpiProgressView.Actual(row.getInt("fiscal_year"), value, row.getString("note"),
                row.getString("evidence_reference"), instant(row, "recorded_at"), row.getString("recorded_by"),
                row.getInt("corrections"), instant(row, "last_corrected_at"), row.getString("last_corrected_by"),
                row.getString("last_correction_reason"), status, published, changed, null);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
