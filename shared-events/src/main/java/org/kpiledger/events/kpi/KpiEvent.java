package org.kpiledger.events.kpi;

/** Something that happened to one KPI; the stream of them, in order, is the KPI's whole history. */
public sealed interface KpiEvent
        permits KpiRegisteredEvent, ActualRecordedEvent, ActualCorrectedEvent, TargetRevisedEvent, KpiPlacedEvent,
        DepartmentAssignedEvent, FigureStepTakenEvent, FigureDeclaredLateEvent, KpiRetiredEvent {

    KpiId kpiId();

    /**
     * This event, handed to the case for its type. Java 17 has no exhaustive switch over a sealed type; this is its
     * stand-in: a new type of KPI event adds a case here, and every fold and projection of KPI events then fails to
     * compile until it says what the new event means to it.
     */
    <R> R match(Cases<R> cases);

    /** What to do with each type of KPI event. */
    interface Cases<R> {

        R registered(KpiRegisteredEvent event);

        R actualRecorded(ActualRecordedEvent event);

        R actualCorrected(ActualCorrectedEvent event);

        R targetRevised(TargetRevisedEvent event);

        R placed(KpiPlacedEvent event);

        R departmentAssigned(DepartmentAssignedEvent event);

        R figureStepTaken(FigureStepTakenEvent event);

        R figureDeclaredLate(FigureDeclaredLateEvent event);

        R retired(KpiRetiredEvent event);
    }
}
