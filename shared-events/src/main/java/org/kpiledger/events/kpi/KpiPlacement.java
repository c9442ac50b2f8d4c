package org.kpiledger.events.kpi;

import java.util.Objects;
import org.kpiledger.events.strategy.PlanId;

/** Where a KPI stands in a strategy: under which measure of which policy. The goal is the policy's. */
public record KpiPlacement(PlanId planId, String policyCode, int measureNumber) {

    public KpiPlacement {
        Objects.requireNonNull(planId, "plan id is required");
        Objects.requireNonNull(policyCode, "policy code is required");
        if (measureNumber < 1) {
            throw new IllegalArgumentException("measure numbers start at 1: " + measureNumber);
        }
    }
}
