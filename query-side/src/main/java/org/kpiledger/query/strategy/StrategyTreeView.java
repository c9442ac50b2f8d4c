package org.kpiledger.query.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.scoring.Achievement;

/**
 * A strategy as a tree: basic goals, their policies, the policies' measures and the KPIs under each measure, each
 * KPI with its achievement, and at every level a roll-up of its KPIs by achievement category. {@code scoringPolicies}
 * lists the policies the plan adopted, by the fiscal year from which each is in force. {@code asOf} is the instant
 * the tree is about (absent for now), {@code position} the highest global index among its parts by then.
 */
public record StrategyTreeView(String planId, String title, Period period, RollUp rollUp,
                               List<ScoringPolicyInForce> scoringPolicies, List<Goal> goals, long version,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf, long position) {

    /** How many of the KPIs below are achieved, on track, behind, or not measurable (yet). */
    public record RollUp(int kpis, int achieved, int onTrack, int behind, int notMeasurable) {

        static RollUp of(List<Kpi> kpis) {
            int achieved = 0;
            int onTrack = 0;
            int behind = 0;
            int notMeasurable = 0;
            for (Kpi kpi : kpis) {
                switch (kpi.achievement().category()) {
                    case ACHIEVED -> achieved++;
                    case ON_TRACK -> onTrack++;
                    case BEHIND -> behind++;
                    case NOT_MEASURABLE -> notMeasurable++;
                }
            }
            return new RollUp(kpis.size(), achieved, onTrack, behind, notMeasurable);
        }
    }

    public record ScoringPolicyInForce(int effectiveFrom, String policyId, int version) {
    }

    public record Period(int firstYear, int lastYear) {
    }

    public record Goal(int number, String title, RollUp rollUp, List<Policy> policies,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Retired retired) {
    }

    public record Policy(String code, String title, RollUp rollUp, List<Measure> measures,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Retired retired) {
    }

    /** {@code overallPlans} name the measure's tables in the source (全体計画). */
    public record Measure(int number, String title, List<String> overallPlans, RollUp rollUp, List<Kpi> kpis,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Retired retired) {
    }

    /** A part retired by decision: it stays in the tree, marked so, with the reason and the decision. */
    public record Retired(String reason, String decisionReference) {

        static Retired of(String reason, String decisionReference) {
            return reason == null ? null : new Retired(reason, decisionReference);
        }
    }

    public record Kpi(String kpiId, String name, String unit, Accumulation accumulation, Direction direction,
                      Figure baseline, Target target, Figure latestActual, Achievement achievement, long version) {
    }

    /** A figure of a fiscal year; the baseline's {@code value} is null while it is not measured. */
    public record Figure(int fiscalYear, BigDecimal value) {
    }

    public record Target(int fiscalYear, BigDecimal value, TargetComparator comparator) {
    }
}
