package org.kpiledger.events.period;

/** Something that happened in the reporting period of a plan for a fiscal year; its stream is the period's history. */
public sealed interface PeriodEvent permits ReportingPeriodOpenedEvent, DepartmentSubmittedEvent,
        DepartmentReviewedEvent, OpinionGivenEvent, PeriodPublishedEvent, PeriodReopenedEvent {

    ReportingPeriodId periodId();
}
