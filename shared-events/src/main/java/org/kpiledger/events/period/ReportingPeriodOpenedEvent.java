package org.kpiledger.events.period;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The planning division opened the reporting period: departments are to submit the year's figures by the due date. */
@Revision("1")
public record ReportingPeriodOpenedEvent(ReportingPeriodId periodId, LocalDate dueDate) implements PeriodEvent {
}
