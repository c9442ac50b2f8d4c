package org.kpiledger.events.strategy;

import org.kpiledger.events.kpi.FiscalYear;

/**
 * Extend or shorten a plan's period by decision. Emits {@link PlanPeriodRevisedEvent}; refused when the plan would
 * end before it begins or before a fiscal year its KPIs have an actual of (decided with the plan's KPIs loaded in the
 * same unit of work, so no figure of a later year slips in between).
 */
public record RevisePlanPeriodCommand(
        PlanId planId,
        FiscalYear lastYear,
        String reason,
        String decisionReference) {
}
