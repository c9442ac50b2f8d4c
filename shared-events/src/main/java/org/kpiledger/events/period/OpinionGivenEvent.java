package org.kpiledger.events.period;

import org.axonframework.serialization.Revision;
import org.kpiledger.events.kpi.KpiId;

/**
 * The committee (推進委員会) gave an opinion on the year's progress (外部有識者の意見): on the whole plan, on one
 * basic goal or on one KPI. Opinions are part of the published report.
 *
 * @param kpiId the KPI the opinion is about, null when none
 * @param goal the number of the basic goal it is about, null when none
 */
@Revision("1")
public record OpinionGivenEvent(ReportingPeriodId periodId, String opinionId, String text, KpiId kpiId, Integer goal)
        implements PeriodEvent {
}
