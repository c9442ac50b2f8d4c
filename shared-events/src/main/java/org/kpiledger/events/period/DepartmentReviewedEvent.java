package org.kpiledger.events.period;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.Department;

/**
 * The planning division reviewed a department's submission: approved it, or returned it with a comment (which
 * opens the department's figures again). The reviewer is the event's actor, never the submitter.
 */
@Revision("1")
public record DepartmentReviewedEvent(ReportingPeriodId periodId, Department department, ReviewDecision decision,
        String comment) implements PeriodEvent {
}
