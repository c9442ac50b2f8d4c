package org.kpiledger.events.kpi;

/** Something that happened to one KPI; the stream of them, in order, is the KPI's whole history. */
public sealed interface KpiEvent
        permits KpiRegisteredEvent, ActualRecordedEvent, ActualCorrectedEvent, TargetRevisedEvent, KpiPlacedEvent,
        DepartmentAssignedEvent {

    KpiId kpiId();
}
