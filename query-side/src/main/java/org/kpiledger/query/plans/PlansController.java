package org.kpiledger.query.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.kpiledger.query.temporal.SnapshotReads;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plans of the ledger over time, a KPI by its plan and code, and a KPI's series across plans. */
@RestController
@Tag(name = "Plans over time", description = "Plans, their succession, and KPI series across plans")
class PlansController {

    private static final String AS_OF = "An ISO-8601 instant with its offset, or a date (the end of that day in the "
            + "ledger's time zone): the answer as the ledger stood then. Absent: now.";
    private static final String MIN_POSITION = "The position a write answered: the read waits (at most 5 s) until "
            + "it includes that write.";
    private static final List<String> PROJECTIONS = List.of("kpi-progress", "strategy", "scoring-policies");

    private final JdbcTemplate jdbc;
    private final PlanDirectory directory;
    private final KpiProgressReader kpis;
    private final KpiSeries series;
    private final ProjectionProgress progress;
    private final SnapshotReads snapshot;
    private final Clock clock;

    PlansController(JdbcTemplate jdbc, PlanDirectory directory, KpiProgressReader kpis, KpiSeries series,
            ProjectionProgress progress, SnapshotReads snapshot, Clock clock) {
        this.series = series;
        this.jdbc = jdbc;
        this.directory = directory;
        this.kpis = kpis;
        this.progress = progress;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    @GetMapping("/api/v1/strategies")
    @Operation(summary = "Every plan: its period (as revised and as defined), predecessor, successor and status")
    PlanSummary.Plans plans(@Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        return snapshot.read(() -> directory.plans(at));
    }

    @GetMapping("/api/v1/strategies/{planId}/kpis/{code}")
    @Operation(summary = "A KPI by its plan and its code there (two plans may both have a 1-1-1-01)")
    ResponseEntity<KpiProgressView> kpiByCode(@PathVariable PlanId planId, @PathVariable String code,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        String kpiId = jdbc.queryForList("select kpi_id from kpi_version where plan_id = ? "
                + "and coalesce(code, kpi_id) = ? and valid @> ?::timestamptz limit 1", String.class,
                planId.value(), code, at.sqlValue()).stream().findFirst().orElseThrow(() -> notFound(
                        "Plan " + planId + " has no KPI " + code + ".", "code"));
        KpiProgressView view = view(kpiId, at).orElseThrow(() -> notFound("Plan " + planId + " has no KPI "
                + code + ".", "code"));
        return ResponseEntity.ok().eTag(Long.toString(view.version()))
                .header("Content-Location", "/api/v1/kpis/" + kpiId).body(view);
    }

    @GetMapping("/api/v1/kpis/{kpiId}/series")
    @Operation(summary = "The KPI's actuals and its ancestors' by fiscal year, through its lineage across plans")
    SeriesView series(@PathVariable KpiId kpiId,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        return series.of(kpiId.value(), at).orElseThrow(() -> notFound("No KPI " + kpiId + " is in the ledger.",
                "kpiId"));
    }

    /** The KPI's view as of then, without who recorded its figures for anonymous readers. */
    private Optional<KpiProgressView> view(String kpiId, AsOf at) {
        return KpiSeries.forReader(kpis.one(kpiId, at));
    }

    private static RuntimeException notFound(String detail, String field) {
        return ProblemType.KPI_NOT_FOUND.exception(detail, field);
    }
}
