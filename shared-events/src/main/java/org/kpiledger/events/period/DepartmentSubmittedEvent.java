package org.kpiledger.events.period;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.KpiId;

/**
 * A department submitted its figures of the year for review: the KPIs it owned in the plan then, each with a
 * figure or a declaration that it comes later. The submitter is the event's actor.
 */
@Revision("1")
public record DepartmentSubmittedEvent(ReportingPeriodId periodId, Department department, List<KpiId> kpiIds)
        implements PeriodEvent {

    public DepartmentSubmittedEvent {
        kpiIds = List.copyOf(kpiIds);
    }
}
