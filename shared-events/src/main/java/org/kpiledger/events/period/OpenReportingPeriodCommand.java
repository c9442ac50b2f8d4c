package org.kpiledger.events.period;

import java.time.LocalDate;

/** Open the reporting period of a plan for a fiscal year; see {@link ReportingPeriodOpenedEvent}. */
public record OpenReportingPeriodCommand(ReportingPeriodId periodId, LocalDate dueDate) {
}
