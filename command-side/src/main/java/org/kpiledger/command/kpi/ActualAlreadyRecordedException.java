package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;

class ActualAlreadyRecordedException extends KpiRuleViolation {

    ActualAlreadyRecordedException(KpiId kpiId, FiscalYear fiscalYear) {
        super(ProblemType.ACTUAL_ALREADY_RECORDED, "fiscalYear",
                "KPI " + kpiId + " already has an actual for " + fiscalYear + "; correct it instead.");
    }
}
