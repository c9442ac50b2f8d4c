package org.kpiledger.events.period;

import java.util.List;

/**
 * Record or correct many figures of the period's fiscal year at once, all or nothing: every row is decided by its
 * KPI, and if one is refused none is stored. A dry run decides every row the same way and stores nothing.
 */
public record RecordFiguresCommand(ReportingPeriodId periodId, List<FigureRow> figures, boolean dryRun) {

    public RecordFiguresCommand {
        figures = List.copyOf(figures);
    }
}
