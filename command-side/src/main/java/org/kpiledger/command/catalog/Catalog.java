package org.kpiledger.command.catalog;

import java.util.List;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;

/**
 * A strategy and its KPIs as a catalog file states them, already checked row by row but for the lineage: the loader
 * resolves each row's code to a KPI of the ledger and checks the lineage against the ledger, then names the lineage
 * problems of the file ({@code lineageProblems}) with its own, before it sends anything.
 */
record Catalog(List<DefineStrategyCommand> strategies, List<Entry> kpis,
               List<InvalidCatalogException.RowProblem> lineageProblems) {

    /**
     * One KPI: its registration (under its code in the plan, as the row names it), where it stands in its strategy,
     * and, for a successor plan's KPI, the code of the predecessor plan's KPI it continues and how.
     */
    record Entry(long row, RegisterKpiCommand registration, KpiPlacement placement, String continuesCode,
                 LineageKind lineage) {

        String code() {
            return registration.kpiId().value();
        }
    }
}
