package org.kpiledger.events.period;

import org.kpiledger.events.kpi.KpiId;

/** Record an opinion of the committee; see {@link OpinionGivenEvent}. */
public record GiveOpinionCommand(ReportingPeriodId periodId, String opinionId, String text, KpiId kpiId,
        Integer goal) {
}
