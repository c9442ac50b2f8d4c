package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

import org.kpiledger.events.kpi.FiscalYear;

/** A figure measured in a fiscal year that has not begun yet, in the city's time zone. */
class FiscalYearNotStartedException extends KpiRuleViolation {

    FiscalYearNotStartedException(FiscalYear fiscalYear, String field) {
        super(ProblemType.FISCAL_YEAR_NOT_STARTED, field,
                fiscalYear + " starts on " + fiscalYear.firstDay() + "; nothing can have been measured in it yet.");
    }
}
