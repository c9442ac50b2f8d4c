package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;

class FlatValuesTest {

    private static final KpiId KPI = new KpiId("1-1-1-01");
    private static final PlanId PLAN = new PlanId("shinagawa-2015");

    /** One event of every type the ledger stores. */
    private static final List<Object> EVENTS = List.of(
            new KpiRegisteredEvent(KPI, "創業支援件数", "件", Accumulation.CUMULATIVE, Direction.INCREASE,
                    new Baseline(FiscalYear.of(2014), null, "—"),
                    new Target(FiscalYear.of(2019), Quantity.of("1200.50", "件"), TargetComparator.AT_LEAST),
                    ValueKind.COUNT),
            new ActualRecordedEvent(KPI, FiscalYear.of(2015), Quantity.of("12.5", "件"), "note\nline", null),
            new ActualCorrectedEvent(KPI, FiscalYear.of(2015), Quantity.of("12.5", "件"), Quantity.of("13", "件"),
                    "typo"),
            new TargetRevisedEvent(KPI, new Target(FiscalYear.of(2019), Quantity.of("1200", "件"),
                    TargetComparator.AT_LEAST), new Target(FiscalYear.of(2020), Quantity.of("1500", "件"),
                    TargetComparator.MORE_THAN), "council", "議決第12号"),
            new KpiPlacedEvent(KPI, null, new KpiPlacement(PLAN, "1-1", 1)),
            new DepartmentAssignedEvent(KPI, null, new Department("sangyo")),
            new StrategyDefinedEvent(PLAN, "品川区総合戦略", FiscalYear.of(2015), FiscalYear.of(2019)),
            new GoalDefinedEvent(PLAN, 1, "しごと"),
            new PolicyDefinedEvent(PLAN, 1, "1-1", "創業支援"),
            new MeasureDefinedEvent(PLAN, "1-1", 1, "起業家の育成", List.of("計画A", "計画B")),
            new ScoringPolicyAdoptedEvent(PLAN, "default", 1, FiscalYear.of(2015)),
            new IntegrityBreakAcknowledgedEvent(12, "altered: ...", "restored from backup", "ALTERED",
                    "9a3e"));

    @Test
    void everyEventTypeComesBackEqualFromItsFlatForm() {
        for (Object event : EVENTS) {
            Object flat = FlatValues.flatten(event);
            assertThat(FlatValues.read(flat, LedgerEventTypes.byName(LedgerEventTypes.nameOf(event.getClass()))))
                    .as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void theFlatFormNamesValuesPlainlyAndHoldsNoDerivedFields() {
        Map<String, Object> registered = map(FlatValues.flatten(EVENTS.get(0)));
        Map<String, Object> recorded = map(FlatValues.flatten(EVENTS.get(1)));

        assertThat(registered.get("kpiId")).isEqualTo("1-1-1-01");
        assertThat(map(registered.get("baseline"))).containsOnlyKeys("fiscalYear", "value", "qualifier")
                .containsEntry("fiscalYear", 2014L).containsEntry("value", null);
        assertThat(recorded.get("fiscalYear")).isEqualTo(2015L);
        assertThat(recorded.get("value")).isEqualTo(Map.of("amount", "12.5", "unit", "件"));
        assertThat(map(map(registered.get("target")).get("value"))).containsEntry("amount", "1200.5");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object flat) {
        return (Map<String, Object>) flat;
    }
}
