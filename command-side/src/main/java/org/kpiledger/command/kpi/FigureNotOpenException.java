package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.FigureStatus;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.ProblemType;

/**
 * A write of a fiscal year's figure that its place in the reporting cycle does not allow: submitted or approved
 * (under review until the planning division returns it), or published (locked until a recorded reopening).
 */
class FigureNotOpenException extends KpiRuleViolation {

    FigureNotOpenException(KpiId kpiId, FiscalYear fiscalYear, FigureStatus status) {
        super(status == FigureStatus.PUBLISHED ? ProblemType.PERIOD_LOCKED : ProblemType.SUBMISSION_UNDER_REVIEW,
                "fiscalYear", status == FigureStatus.PUBLISHED
                        ? "The " + fiscalYear + " figure of KPI " + kpiId + " was published; it changes only after "
                                + "the planning division reopens it with a recorded decision."
                        : "The " + fiscalYear + " figure of KPI " + kpiId + " is " + status.name().toLowerCase()
                                + "; it changes only after the planning division returns the submission.");
    }
}
