package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;

class ActualNotRecordedException extends KpiRuleViolation {

    ActualNotRecordedException(KpiId kpiId, FiscalYear fiscalYear) {
        super(ProblemType.ACTUAL_NOT_RECORDED, "fiscalYear",
                "KPI " + kpiId + " has no actual for " + fiscalYear + " to correct; record it first.");
    }
}
