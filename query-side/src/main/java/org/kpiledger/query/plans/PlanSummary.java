package org.kpiledger.query.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A plan as the list of plans shows it: its period now ({@code period}, as revised by decision) and as defined
 * ({@code definedPeriod}), the last revision's reason and decision, the plan it succeeds and the plan that succeeds
 * it, and its status on the day asked about: {@code PLANNED}, {@code IN_FORCE} or {@code ENDED}.
 */
public record PlanSummary(String planId, String title, Period period, Period definedPeriod,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Revision periodRevision,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String predecessor,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String successor,
                          Status status, int kpis) {

    public enum Status { PLANNED, IN_FORCE, ENDED }

    public record Period(int firstYear, int lastYear) {

        boolean covers(int fiscalYear) {
            return firstYear <= fiscalYear && fiscalYear <= lastYear;
        }
    }

    public record Revision(String reason, String decisionReference) {
    }

    /**
     * The body of the list: the plans by first year, the plan in force on that day ({@code inForce}, absent when none
     * is), the plan shown by default ({@code defaultPlan}: the one in force, else the latest), the instant and position.
     */
    public record Plans(List<PlanSummary> plans, @JsonInclude(JsonInclude.Include.NON_NULL) String inForce,
                        String defaultPlan, @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf, long position) {
    }
}
