package org.kpiledger.command.strategy;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.command.kpi.KpiHistory;
import org.kpiledger.command.kpi.SeriesHolders;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.kpi.Lineage;
import org.springframework.stereotype.Component;

/**
 * Overlap years from the plans' own streams: a year is the predecessor's when the KPI continues a predecessor's KPI
 * (not redefined), the year is in the KPI's plan and the predecessor's plan, as revised, still covers it.
 */
@Component
class PlanOverlaps implements SeriesHolders {

    private final EventStore eventStore;
    private final PlanTerms planTerms;

    PlanOverlaps(EventStore eventStore, PlanTerms planTerms) {
        this.eventStore = eventStore;
        this.planTerms = planTerms;
    }

    @Override
    public Optional<KpiId> predecessorHolding(KpiState kpi, FiscalYear fiscalYear) {
        Lineage lineage = kpi.registered().lineage();
        if (lineage == null || !lineage.kind().continuesSeries() || kpi.placement() == null) {
            return Optional.empty();
        }
        KpiState predecessor = KpiHistory.read(eventStore, lineage.predecessor());
        if (predecessor.placement() == null || !predecessor.measuredIn(fiscalYear)) {
            return Optional.empty();
        }
        boolean inBoth = planTerms.of(kpi.placement().planId()).map(terms -> terms.covers(fiscalYear)).orElse(false)
                && planTerms.of(predecessor.placement().planId()).map(terms -> terms.covers(fiscalYear))
                        .orElse(false);
        return inBoth ? Optional.of(lineage.predecessor()) : Optional.empty();
    }
}
