package org.kpiledger.events.period;

import java.time.LocalDate;
import org.kpiledger.events.kpi.KpiId;

/** Declare that a KPI's figure of the period's year comes later; see {@code FigureDeclaredLateEvent}. */
public record DeclareFigureLateCommand(ReportingPeriodId periodId, KpiId kpiId, String reason, LocalDate expectedBy) {
}
