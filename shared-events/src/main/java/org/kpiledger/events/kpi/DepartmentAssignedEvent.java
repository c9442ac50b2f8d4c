package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/**
 * A department became the owner of a KPI; {@code previous} is the department that owned it before, null when the
 * KPI had none (as every KPI loaded from the source strategy, which names no departments).
 */
@Revision("1")
public record DepartmentAssignedEvent(KpiId kpiId, Department previous, Department department) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.departmentAssigned(this);
    }
}
