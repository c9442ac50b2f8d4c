package org.kpiledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who changed what, when, from what to what, and why: a KPI's change history, and the ledger-wide audit feed of
 * every event, in position order, paged with a cursor that later writes cannot disturb.
 */
@RestController
@Tag(name = "History", description = "Every change of a KPI, and the audit feed of the whole ledger")
class HistoryController {

    private static final int MAX_LIMIT = 1000;

    private final ChangeLog changeLog;
    private final ProjectionProgress progress;

    HistoryController(ChangeLog changeLog, ProjectionProgress progress) {
        this.changeLog = changeLog;
        this.progress = progress;
    }

    record KpiHistory(String kpiId, List<ChangeLog.Change> changes) {
    }

    @GetMapping("/api/v1/kpis/{kpiId}/history")
    @Operation(summary = "Every change of one KPI, oldest first (AUDITOR)")
    KpiHistory history(@PathVariable KpiId kpiId, @RequestParam(required = false) Long minPosition) {
        progress.await(minPosition, List.of(LedgerHistoryProjection.PROCESSING_GROUP));
        List<ChangeLog.Change> changes = changeLog.ofKpi(kpiId.value(), AsOf.NOW);
        if (changes.isEmpty()) {
            throw ProblemType.KPI_NOT_FOUND.exception(
                    "No KPI " + kpiId + " is registered.", "kpiId");
        }
        return new KpiHistory(kpiId.value(), changes);
    }

    @GetMapping("/api/v1/audit/events")
    @Operation(summary = "The audit feed: every event of the ledger in position order, filtered, a page at a time "
            + "(AUDITOR)")
    ChangeLog.Feed feed(
            @Parameter(description = "Changes recorded after this instant (ISO-8601, or a date: after that day)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Changes recorded up to this instant (ISO-8601, or a date: to the end of that day)")
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) KpiId kpiId,
            @RequestParam(required = false) String type,
            @Parameter(description = "The cursor: the position after which this page begins (next of the last page)")
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "limit is 1 to " + MAX_LIMIT + ".");
        }
        return changeLog.feed(new ChangeLog.FeedFilter(from, to, actor, kpiId == null ? null : kpiId.value(), type),
                after, limit);
    }
}
