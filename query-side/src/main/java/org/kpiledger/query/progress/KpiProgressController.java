package org.kpiledger.query.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.query.scoring.Grader;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read API: progress of every KPI as the query side has caught up with the ledger. */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPI progress", description = "Where each KPI stands now")
@Transactional(readOnly = true)
class KpiProgressController {

    private final KpiProgressRepository repository;
    private final StrategyLabels strategyLabels;
    private final Grader grader;

    KpiProgressController(KpiProgressRepository repository, StrategyLabels strategyLabels, Grader grader) {
        this.repository = repository;
        this.strategyLabels = strategyLabels;
        this.grader = grader;
    }

    @GetMapping
    @Operation(summary = "Progress of every KPI, by KPI id")
    KpiProgressView.Page list() {
        StrategyLabels.Snapshot strategies = strategyLabels.load();
        Grader.Adoptions adoptions = grader.load();
        return new KpiProgressView.Page(repository.findAll(Sort.by("kpiId")).stream()
                .map(kpi -> forReader(kpi.view(strategies, adoptions))).toList());
    }

    @GetMapping("/{kpiId}")
    @Operation(summary = "Progress of one KPI; its version is the ETag")
    ResponseEntity<KpiProgressView> get(@PathVariable KpiId kpiId) {
        KpiProgressView view = repository.findById(kpiId.value())
                .map(kpi -> forReader(kpi.view(strategyLabels.load(), grader.load())))
                .orElseThrow(() -> new KpiNotFoundException(kpiId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    /** Who recorded a figure is shown to signed-in users only. */
    private static KpiProgressView forReader(KpiProgressView view) {
        return LedgerPrincipal.current().isPresent() ? view : view.withoutActors();
    }
}
