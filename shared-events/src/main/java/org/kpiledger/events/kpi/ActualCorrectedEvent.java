package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/** An actual figure already in the ledger was corrected; the figure it replaces is kept with the reason. */
@Revision("1")
public record ActualCorrectedEvent(
        KpiId kpiId,
        FiscalYear fiscalYear,
        Quantity previousValue,
        Quantity correctedValue,
        String reason) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.actualCorrected(this);
    }
}
