package org.kpiledger.events.period;

import org.kpiledger.events.kpi.Department;

/** Approve or return a department's submission; see {@link DepartmentReviewedEvent}. */
public record ReviewDepartmentCommand(ReportingPeriodId periodId, Department department, ReviewDecision decision,
        String comment) {
}
