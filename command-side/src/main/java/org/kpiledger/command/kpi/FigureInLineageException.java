package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.ProblemType;

/** A figure of an overlap year on the successor's KPI: the predecessor's KPI holds it, and both plans show it. */
public class FigureInLineageException extends KpiRuleViolation {

    public FigureInLineageException(KpiId kpiId, FiscalYear fiscalYear, KpiId holder) {
        super(ProblemType.FIGURE_IN_LINEAGE, "fiscalYear", "The " + fiscalYear + " figure of KPI " + kpiId
                + "'s series is recorded on KPI " + holder + ", whose plan still covers " + fiscalYear
                + "; it is entered there once and shown under both plans.");
    }
}
