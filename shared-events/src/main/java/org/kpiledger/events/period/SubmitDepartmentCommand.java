package org.kpiledger.events.period;

import org.kpiledger.events.kpi.Department;

/** Submit a department's figures of the period's year for review; see {@link DepartmentSubmittedEvent}. */
public record SubmitDepartmentCommand(ReportingPeriodId periodId, Department department) {
}
