package org.kpiledger.events.period;

/** Publish the period's report and lock its year; see {@link PeriodPublishedEvent}. */
public record PublishPeriodCommand(ReportingPeriodId periodId, String publicationId, String title) {
}
