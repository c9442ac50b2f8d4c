package org.kpiledger.query.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API: progress of every KPI, now or as the ledger stood at any instant. */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPI progress", description = "Where each KPI stands, now or as of any instant")
class KpiProgressController {

    static final String AS_OF = "An ISO-8601 instant with its offset, or a date (the end of that day in the ledger's "
            + "time zone): the answer is what the ledger said then. Absent: now.";

    static final String MIN_POSITION = "The position a write answered: the read waits (at most 5 s) until it "
            + "includes that write.";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The projections a KPI view is read from. */
    static final List<String> PROJECTIONS = List.of(KpiProgressProjection.PROCESSING_GROUP, "strategy",
            "scoring-policies");

    private final KpiProgressReader reader;
    private final ProjectionProgress progress;
    private final Clock clock;

    KpiProgressController(KpiProgressReader reader, ProjectionProgress progress, Clock clock) {
        this.reader = reader;
        this.progress = progress;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Progress of every KPI, by KPI id, a page at a time")
    KpiProgressView.Page list(@Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition,
            @Parameter(description = "The cursor: the KPI id after which this page begins (next of the last page)")
            @RequestParam(required = false) KpiId after,
            @Parameter(description = "KPIs per page, 1 to " + MAX_LIMIT)
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "limit is 1 to " + MAX_LIMIT + ".");
        }
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        KpiProgressReader.Snapshot snapshot = reader.page(at, after == null ? "" : after.value(), limit);
        List<KpiProgressView> kpis = snapshot.kpis().stream().map(KpiProgressController::forReader).toList();
        String next = kpis.size() == limit ? kpis.get(kpis.size() - 1).kpiId() : null;
        return new KpiProgressView.Page(kpis, at.instant(), snapshot.position(), next);
    }

    @GetMapping("/{kpiId}")
    @Operation(summary = "Progress of one KPI; its version is the ETag")
    ResponseEntity<KpiProgressView> get(@PathVariable KpiId kpiId,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) Long minPosition) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        KpiProgressView view = reader.one(kpiId.value(), at).kpis().stream().findFirst()
                .map(KpiProgressController::forReader)
                .orElseThrow(() -> new KpiNotFoundException(kpiId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    /** Who recorded a figure is shown to signed-in users only. */
    private static KpiProgressView forReader(KpiProgressView view) {
        return LedgerPrincipal.current().isPresent() ? view : view.withoutActors();
    }
}
