package org.kpiledger.command.strategy;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.AdoptScoringPolicyCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.RetireStrategyPartCommand;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.events.strategy.StrategyPart;
import org.kpiledger.events.strategy.StrategyPartRetiredEvent;

class StrategyTest {

    private static final PlanId PLAN = new PlanId("shinagawa-2015");
    private static final FiscalYear FIRST = FiscalYear.parse("平成27年度");
    private static final FiscalYear LAST = FiscalYear.parse("平成31年度");

    private FixtureConfiguration<Strategy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Strategy.class);
    }

    private static DefineStrategyCommand goalOne(String goalTitle, String measureTitle) {
        return new DefineStrategyCommand(PLAN, "品川区総合戦略", FIRST, LAST, List.of(
                new DefineStrategyCommand.Goal(1, goalTitle, List.of(
                        new DefineStrategyCommand.Policy("1-1", "産業の活性化を図る", List.of(
                                new DefineStrategyCommand.Measure(1, measureTitle, List.of("創業支援"))))))));
    }

    @Test
    void definesAStrategyPartByPart() {
        fixture.givenNoPriorActivity()
                .when(goalOne("地域を支える産業の活力を高め、魅力ある雇用の場を創出する", "地域産業の創業支援"))
                .expectEvents(
                        new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new GoalDefinedEvent(PLAN, 1, "地域を支える産業の活力を高め、魅力ある雇用の場を創出する"),
                        new PolicyDefinedEvent(PLAN, 1, "1-1", "産業の活性化を図る"),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "地域産業の創業支援", List.of("創業支援")));
    }

    @Test
    void recordsNothingWhenTheSameStrategyIsStatedAgain() {
        fixture.given(
                        new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new GoalDefinedEvent(PLAN, 1, "産業"),
                        new PolicyDefinedEvent(PLAN, 1, "1-1", "産業の活性化を図る"),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "地域産業の創業支援", List.of("創業支援")))
                .when(goalOne("産業", "地域産業の創業支援"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsARenamedGoalAndMeasureAsHistory() {
        fixture.given(
                        new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new GoalDefinedEvent(PLAN, 1, "産業"),
                        new PolicyDefinedEvent(PLAN, 1, "1-1", "産業の活性化を図る"),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "創業支援", List.of("創業支援")))
                .when(goalOne("地域を支える産業", "地域産業の創業支援"))
                .expectEvents(
                        new GoalDefinedEvent(PLAN, 1, "地域を支える産業"),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "地域産業の創業支援", List.of("創業支援")));
    }

    @Test
    void rejectsAGoalStatedTwice() {
        DefineStrategyCommand once = goalOne("産業", "創業支援");
        fixture.givenNoPriorActivity()
                .when(new DefineStrategyCommand(PLAN, once.title(), FIRST, LAST,
                        List.of(once.goals().get(0), once.goals().get(0))))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItBegins() {
        fixture.givenNoPriorActivity()
                .when(new DefineStrategyCommand(PLAN, "品川区総合戦略", LAST, FIRST, List.of()))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
    }

    @Test
    void adoptsAScoringPolicyFromAFiscalYearOn() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST))
                .when(new AdoptScoringPolicyCommand(PLAN, "sabc", 1, FiscalYear.of(2018)))
                .expectEvents(new ScoringPolicyAdoptedEvent(PLAN, "sabc", 1, FiscalYear.of(2018)));
    }

    @Test
    void adoptsAnotherPolicyForTheSameYearAsANewEvent() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new ScoringPolicyAdoptedEvent(PLAN, "sabc", 1, FiscalYear.of(2018)))
                .when(new AdoptScoringPolicyCommand(PLAN, "pro-rata-3", 1, FiscalYear.of(2018)))
                .expectEvents(new ScoringPolicyAdoptedEvent(PLAN, "pro-rata-3", 1, FiscalYear.of(2018)));
    }

    @Test
    void rejectsAdoptingThePolicyAlreadyInForceFromThatYear() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new ScoringPolicyAdoptedEvent(PLAN, "sabc", 1, FiscalYear.of(2018)))
                .when(new AdoptScoringPolicyCommand(PLAN, "sabc", 1, FiscalYear.of(2018)))
                .expectException(PolicyAlreadyInForceException.class)
                .expectNoEvents();
    }

    @Test
    void keepsAPeriodRevisedByDecisionWhenTheCatalogStatesTheOriginalAgain() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new PlanPeriodRevisedEvent(PLAN, LAST, FiscalYear.of(2021), "延長", "議決"))
                .when(new DefineStrategyCommand(PLAN, "品川区総合戦略", FIRST, LAST, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesACatalogThatChangesThePeriodOrThePredecessorOfAPlanDefinedAlready() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST))
                .when(new DefineStrategyCommand(PLAN, "品川区総合戦略", FIRST, FiscalYear.of(2021), List.of()))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST))
                .when(new DefineStrategyCommand(PLAN, "品川区総合戦略", FIRST, LAST, new PlanId("older"), List.of()))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
    }

    @Test
    void retiresADefinedMeasureOnceByDecision() {
        StrategyPartRetiredEvent retired = new StrategyPartRetiredEvent(PLAN, StrategyPart.MEASURE, "1-1/1", "事業終了",
                "令和3年度予算");
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "創業支援", List.of()))
                .when(new RetireStrategyPartCommand(PLAN, StrategyPart.MEASURE, "1-1/1", "事業終了 ", "令和3年度予算"))
                .expectEvents(retired);
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new MeasureDefinedEvent(PLAN, "1-1", 1, "創業支援", List.of()), retired)
                .when(new RetireStrategyPartCommand(PLAN, StrategyPart.MEASURE, "1-1/1", "再度", "議決"))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
    }

    @Test
    void refusesToRetireAPartThePlanDoesNotDefineOrWithoutTheDecision() {
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new GoalDefinedEvent(PLAN, 1, "産業"))
                .when(new RetireStrategyPartCommand(PLAN, StrategyPart.GOAL, "2", "事業終了", "議決"))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
        fixture.given(new StrategyDefinedEvent(PLAN, "品川区総合戦略", FIRST, LAST),
                        new GoalDefinedEvent(PLAN, 1, "産業"))
                .when(new RetireStrategyPartCommand(PLAN, StrategyPart.GOAL, "1", "事業終了", " "))
                .expectException(InvalidStrategyException.class)
                .expectNoEvents();
    }
}
