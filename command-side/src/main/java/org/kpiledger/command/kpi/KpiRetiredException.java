package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.ProblemType;

/** A figure of a year after a retired KPI's last year, or a retirement its later figures forbid. */
class KpiRetiredException extends KpiRuleViolation {

    KpiRetiredException(String field, String message) {
        super(ProblemType.KPI_RETIRED, field, message);
    }

    static KpiRetiredException figureAfter(KpiId kpiId, FiscalYear fiscalYear, FiscalYear lastFiscalYear) {
        return new KpiRetiredException("fiscalYear", "KPI " + kpiId + " was retired after " + lastFiscalYear
                + "; it has no figure for " + fiscalYear + ".");
    }
}
