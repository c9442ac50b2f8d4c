package org.kpiledger.events.kpi;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The department declared that a fiscal year's figure of a KPI is not known yet (the statistics it comes from are
 * published later), why, and when it is expected. The year counts as complete for the department's submission
 * until the figure is recorded.
 */
@Revision("1")
public record FigureDeclaredLateEvent(KpiId kpiId, FiscalYear fiscalYear, String reason, LocalDate expectedBy)
        implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.figureDeclaredLate(this);
    }
}
