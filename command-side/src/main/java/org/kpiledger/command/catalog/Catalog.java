package org.kpiledger.command.catalog;

import java.util.List;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;

/**
 * A strategy and its KPIs as a catalog file states them, already checked row by row: loading it only sends these
 * commands.
 */
record Catalog(List<DefineStrategyCommand> strategies, List<Entry> kpis) {

    /** One KPI: its registration and where it stands in its strategy. */
    record Entry(RegisterKpiCommand registration, KpiPlacement placement) {
    }
}
