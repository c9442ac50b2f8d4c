package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.FiscalYear;

class FiscalYearNotStartedException extends KpiRuleViolation {

    FiscalYearNotStartedException(FiscalYear fiscalYear) {
        super("FISCAL_YEAR_NOT_STARTED", "fiscalYear",
                fiscalYear + " starts on " + fiscalYear.firstDay() + "; there can be no actual for it yet.");
    }
}
