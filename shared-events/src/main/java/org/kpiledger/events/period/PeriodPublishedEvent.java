package org.kpiledger.events.period;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.KpiId;

/**
 * The city published the year's report (効果検証) under {@code publicationId}: every KPI of the plan then listed is
 * locked for the year until a recorded reopening. A later publication supersedes an earlier one, which stays
 * verifiable.
 */
@Revision("1")
public record PeriodPublishedEvent(ReportingPeriodId periodId, String publicationId, String title,
        List<KpiId> kpiIds) implements PeriodEvent {

    public PeriodPublishedEvent {
        kpiIds = List.copyOf(kpiIds);
    }
}
