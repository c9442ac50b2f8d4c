package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.ProblemType;

/** A move of a KPI out of its plan: a successor plan continues a KPI with one of its own, by lineage. */
class KpiInAnotherPlanException extends KpiRuleViolation {

    KpiInAnotherPlanException(KpiId kpiId, PlanId plan, PlanId requested) {
        super(ProblemType.KPI_IN_ANOTHER_PLAN, "planId", "KPI " + kpiId + " belongs to plan " + plan
                + "; a KPI of plan " + requested + " continues it through its catalog's lineage.");
    }
}
