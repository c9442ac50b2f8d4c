package org.kpiledger.events.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a department the owner of a KPI, or hand it to another. Emits {@link DepartmentAssignedEvent}.
 * {@code expectedVersion}, when given, must be the KPI's current version.
 */
public record AssignDepartmentCommand(@TargetAggregateIdentifier KpiId kpiId, Department department,
                                      Long expectedVersion) {
}
