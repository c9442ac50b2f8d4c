package org.kpiledger.events.period;

import java.math.BigDecimal;
import org.kpiledger.events.kpi.KpiId;

/**
 * One row of a bulk submission of figures: the year's actual of a KPI. A row for a year already recorded corrects
 * it and needs its {@code reason}.
 */
public record FigureRow(KpiId kpiId, BigDecimal value, String note, String evidenceReference, String reason) {
}
