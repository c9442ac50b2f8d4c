package org.kpiledger.events.period;

import java.util.List;
import org.kpiledger.events.kpi.KpiId;

/**
 * Reopen published figures of the period's year for corrections; see {@link PeriodReopenedEvent}. An empty list of
 * KPIs reopens every KPI the last publication locked.
 */
public record ReopenPeriodCommand(ReportingPeriodId periodId, String reason, String decisionReference,
        List<KpiId> kpiIds) {

    public ReopenPeriodCommand {
        kpiIds = kpiIds == null ? List.of() : List.copyOf(kpiIds);
    }
}
