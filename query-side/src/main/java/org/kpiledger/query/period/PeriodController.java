package org.kpiledger.query.period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reporting cycle's reads: a plan's periods, one period with its departments, changes since publication. */
@RestController
@RequestMapping("/api/v1/strategies/{planId}/periods")
@Tag(name = "Reporting cycle")
class PeriodController {

    /** A period's view reads its own projection and the KPIs' (owners, figures). */
    static final List<String> PROJECTIONS = List.of(ReportingPeriodProjection.PROCESSING_GROUP, "kpi-progress");
    private static final String MIN_POSITION = "The position a write answered: the read waits (at most 5 s) until "
            + "it includes that write.";

    private final PeriodReader reader;
    private final ProjectionProgress progress;

    PeriodController(PeriodReader reader, ProjectionProgress progress) {
        this.reader = reader;
        this.progress = progress;
    }

    @GetMapping
    @Operation(summary = "The plan's reporting periods, by fiscal year")
    List<PeriodView.Summary> periods(@PathVariable PlanId planId,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        progress.await(minPosition, PROJECTIONS);
        return reader.periods(planId.value());
    }

    @GetMapping("/{fiscalYear}")
    @Operation(summary = "A reporting period: its state, each department's state, counts, missing KPIs, overdue")
    PeriodView.Period period(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        progress.await(minPosition, PROJECTIONS);
        return reader.period(planId.value(), fiscalYear.year()).orElseThrow(() ->
                ProblemType.PERIOD_NOT_FOUND.exception("No reporting period of " + fiscalYear
                        + " is open for plan " + planId + ".", "fiscalYear"));
    }

    @GetMapping("/{fiscalYear}/changes-since-publication")
    @Operation(summary = "Every figure of the year changed after its first publication: who, when, why, decision")
    List<PeriodView.ChangeSincePublication> changesSincePublication(@PathVariable PlanId planId,
            @PathVariable FiscalYear fiscalYear,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        progress.await(minPosition, List.of(ReportingPeriodProjection.PROCESSING_GROUP, "kpi-progress",
                "ledger-history"));
        period(planId, fiscalYear, null);
        return reader.changesSincePublication(planId.value(), fiscalYear.year());
    }
}
