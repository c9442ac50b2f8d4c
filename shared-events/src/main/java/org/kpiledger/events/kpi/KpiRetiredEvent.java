package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/**
 * A KPI was retired: it is measured up to {@code lastFiscalYear} and no further. Retired by decision (with its reason
 * and reference) or because the successor plan continued nothing of it ({@code decisionReference} then null and the
 * reason names the successor plan). Its figures stay; nothing is deleted.
 */
@Revision("1")
public record KpiRetiredEvent(KpiId kpiId, FiscalYear lastFiscalYear, String reason, String decisionReference)
        implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.retired(this);
    }
}
