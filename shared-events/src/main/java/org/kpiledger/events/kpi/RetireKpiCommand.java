package org.kpiledger.events.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Retire a KPI after a fiscal year, giving the reason and the decision. Emits {@link KpiRetiredEvent}; refused when
 * the KPI has an actual of a later year or is retired already.
 */
public record RetireKpiCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        FiscalYear lastFiscalYear,
        String reason,
        String decisionReference) {
}
