package org.kpiledger.events.period;

import java.util.Objects;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.PlanId;

/** The reporting period of a plan for one fiscal year; its stream is named {@code planId/year}. */
public record ReportingPeriodId(PlanId planId, FiscalYear fiscalYear) {

    public ReportingPeriodId {
        Objects.requireNonNull(planId, "plan id is required");
        Objects.requireNonNull(fiscalYear, "fiscal year is required");
    }

    @Override
    public String toString() {
        return planId + "/" + fiscalYear.year();
    }
}
