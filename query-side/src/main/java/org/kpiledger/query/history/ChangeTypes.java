package org.kpiledger.query.history;

import java.util.Map;
import org.kpiledger.events.integrity.HashChainSchemeChangedEvent;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.FigureDeclaredLateEvent;
import org.kpiledger.events.kpi.FigureStepTakenEvent;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiRetiredEvent;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.events.period.DepartmentReviewedEvent;
import org.kpiledger.events.period.DepartmentSubmittedEvent;
import org.kpiledger.events.period.OpinionGivenEvent;
import org.kpiledger.events.period.PeriodPublishedEvent;
import org.kpiledger.events.period.PeriodReopenedEvent;
import org.kpiledger.events.period.ReportingPeriodOpenedEvent;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.events.strategy.StrategyPartRetiredEvent;

/**
 * The {@code type} of a change as the history's API names it (docs/api.md lists them): a name of the domain, fixed
 * here, so that renaming a Java class never changes what clients read. The names are those the history has always
 * answered.
 */
final class ChangeTypes {

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(KpiRegisteredEvent.class, "KpiRegistered"),
            Map.entry(ActualRecordedEvent.class, "ActualRecorded"),
            Map.entry(ActualCorrectedEvent.class, "ActualCorrected"),
            Map.entry(TargetRevisedEvent.class, "TargetRevised"),
            Map.entry(KpiPlacedEvent.class, "KpiPlaced"),
            Map.entry(DepartmentAssignedEvent.class, "DepartmentAssigned"),
            Map.entry(FigureStepTakenEvent.class, "FigureStepTaken"),
            Map.entry(FigureDeclaredLateEvent.class, "FigureDeclaredLate"),
            Map.entry(KpiRetiredEvent.class, "KpiRetired"),
            Map.entry(ReportingPeriodOpenedEvent.class, "ReportingPeriodOpened"),
            Map.entry(DepartmentSubmittedEvent.class, "DepartmentSubmitted"),
            Map.entry(DepartmentReviewedEvent.class, "DepartmentReviewed"),
            Map.entry(OpinionGivenEvent.class, "OpinionGiven"),
            Map.entry(PeriodPublishedEvent.class, "PeriodPublished"),
            Map.entry(PeriodReopenedEvent.class, "PeriodReopened"),
            Map.entry(ScoringPolicyDefinedEvent.class, "ScoringPolicyDefined"),
            Map.entry(StrategyDefinedEvent.class, "StrategyDefined"),
            Map.entry(GoalDefinedEvent.class, "GoalDefined"),
            Map.entry(PolicyDefinedEvent.class, "PolicyDefined"),
            Map.entry(MeasureDefinedEvent.class, "MeasureDefined"),
            Map.entry(ScoringPolicyAdoptedEvent.class, "ScoringPolicyAdopted"),
            Map.entry(PlanPeriodRevisedEvent.class, "PlanPeriodRevised"),
            Map.entry(StrategyPartRetiredEvent.class, "StrategyPartRetired"),
            Map.entry(IntegrityBreakAcknowledgedEvent.class, "IntegrityBreakAcknowledged"),
            Map.entry(ReportPublishedEvent.class, "ReportPublished"),
            Map.entry(HashChainSchemeChangedEvent.class, "HashChainSchemeChanged"));

    private ChangeTypes() {
    }

    static String nameOf(Object event) {
        String name = NAMES.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("The history has no name for " + event.getClass().getName());
        }
        return name;
    }

    static Map<Class<?>, String> all() {
        return NAMES;
    }
}
