package org.kpiledger.events.period;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.KpiId;

/** A recorded decision reopened published figures of the year for corrections: which KPIs, why, on what authority. */
@Revision("1")
public record PeriodReopenedEvent(ReportingPeriodId periodId, String reason, String decisionReference,
        List<KpiId> kpiIds) implements PeriodEvent {

    public PeriodReopenedEvent {
        kpiIds = List.copyOf(kpiIds);
    }
}
