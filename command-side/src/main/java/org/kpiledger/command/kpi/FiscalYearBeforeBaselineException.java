package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;

/** An actual for a fiscal year before the KPI's baseline year, which the KPI does not follow. */
class FiscalYearBeforeBaselineException extends KpiRuleViolation {

    FiscalYearBeforeBaselineException(KpiId kpiId, FiscalYear fiscalYear, FiscalYear baselineYear) {
        super(ProblemType.FISCAL_YEAR_BEFORE_BASELINE, "fiscalYear",
                "KPI " + kpiId + " is followed from its baseline year " + baselineYear + "; " + fiscalYear
                        + " lies before it.");
    }
}
