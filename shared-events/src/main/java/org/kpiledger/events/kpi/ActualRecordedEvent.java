package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/** Staff submitted the actual figure of a KPI for a fiscal year, for the first time. */
@Revision("1")
public record ActualRecordedEvent(
        KpiId kpiId,
        FiscalYear fiscalYear,
        Quantity value,
        String note,
        String evidenceReference) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.actualRecorded(this);
    }
}
