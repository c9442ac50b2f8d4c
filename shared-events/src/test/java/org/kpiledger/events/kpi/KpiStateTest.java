package org.kpiledger.events.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.strategy.PlanId;

class KpiStateTest {

    private static final KpiId STARTUPS = new KpiId("1-1-1-01");
    private static final Target ORIGINAL = new Target(FiscalYear.of(2019), Quantity.of("15", "事業者"),
            TargetComparator.AT_LEAST);
    private static final KpiRegisteredEvent REGISTERED = new KpiRegisteredEvent(STARTUPS, "創業支援事業者数", "事業者",
            Accumulation.ANNUAL, Direction.INCREASE,
            new Baseline(FiscalYear.of(2014), Quantity.of("6", "事業者"), null), ORIGINAL, null);

    @Test
    void aKpiThatHasNoEventsIsNotRegistered() {
        assertThat(KpiState.of(List.of())).isEqualTo(KpiState.NONE);
        assertThat(KpiState.NONE.isRegistered()).isFalse();
        assertThat(KpiState.NONE.latestYear()).isEmpty();
    }

    @Test
    void readsEachFigureAsItStandsAfterEveryCorrectionAndTheTargetTheCouncilLastDecided() {
        Target revised = new Target(FiscalYear.of(2021), Quantity.of("25", "事業者"), TargetComparator.AT_LEAST);

        KpiState state = KpiState.of(List.of(REGISTERED,
                new ActualRecordedEvent(STARTUPS, FiscalYear.of(2016), Quantity.of("9", "事業者"), null, null),
                new ActualRecordedEvent(STARTUPS, FiscalYear.of(2015), Quantity.of("7", "事業者"), "note", null),
                new ActualCorrectedEvent(STARTUPS, FiscalYear.of(2016), Quantity.of("9", "事業者"),
                        Quantity.of("11", "事業者"), "集計誤り"),
                new TargetRevisedEvent(STARTUPS, ORIGINAL, revised, "延長", "区議会 議決"),
                new KpiPlacedEvent(STARTUPS, null, new KpiPlacement(new PlanId("shinagawa-2015"), "1-1", 1)),
                new DepartmentAssignedEvent(STARTUPS, null, new Department("sangyo"))));

        assertThat(state.registered()).isEqualTo(REGISTERED);
        assertThat(state.target()).isEqualTo(revised);
        assertThat(state.placement().policyCode()).isEqualTo("1-1");
        assertThat(state.department()).isEqualTo(new Department("sangyo"));
        assertThat(state.actuals()).containsExactly(
                Map.entry(FiscalYear.of(2015), Quantity.of("7", "事業者")),
                Map.entry(FiscalYear.of(2016), Quantity.of("11", "事業者")));
        assertThat(state.latestYear()).contains(FiscalYear.of(2016));
    }

    @Test
    void keepsEachYearsPlaceInTheReportingCycleAndThePublishedFigureBesideTheCurrentOne() {
        FiscalYear fy2016 = FiscalYear.of(2016);
        KpiState state = KpiState.of(List.of(REGISTERED,
                new FigureDeclaredLateEvent(STARTUPS, fy2016, "統計の公表待ち", java.time.LocalDate.of(2017, 12, 31)),
                new ActualRecordedEvent(STARTUPS, fy2016, Quantity.of("9", "事業者"), null, null),
                new FigureStepTakenEvent(STARTUPS, fy2016, FigureStep.SUBMITTED, Quantity.of("9", "事業者"), null,
                        null, null),
                new FigureStepTakenEvent(STARTUPS, fy2016, FigureStep.APPROVED, Quantity.of("9", "事業者"), null,
                        null, null),
                new FigureStepTakenEvent(STARTUPS, fy2016, FigureStep.PUBLISHED, Quantity.of("9", "事業者"), null,
                        null, "report-1"),
                new FigureStepTakenEvent(STARTUPS, fy2016, FigureStep.REOPENED, Quantity.of("9", "事業者"), "誤り",
                        "決裁 1", null),
                new ActualCorrectedEvent(STARTUPS, fy2016, Quantity.of("9", "事業者"), Quantity.of("8", "事業者"),
                        "誤り")));

        FigureInCycle figure = state.figureInCycle(fy2016);
        assertThat(figure.status()).isEqualTo(FigureStatus.REOPENED);
        assertThat(figure.status().isOpen()).isTrue();
        assertThat(figure.published()).isEqualTo(Quantity.of("9", "事業者"));
        assertThat(figure.publicationId()).isEqualTo("report-1");
        assertThat(figure.late()).as("the declaration ends when the figure comes").isNull();
        assertThat(state.actual(fy2016)).contains(Quantity.of("8", "事業者"));
        assertThat(state.figureInCycle(FiscalYear.of(2017))).isEqualTo(FigureInCycle.UNTOUCHED);
    }

    @Test
    void neverChangesTheStateItWasGiven() {
        KpiState registered = KpiState.NONE.evolve(REGISTERED);

        KpiState withActual = registered.evolve(
                new ActualRecordedEvent(STARTUPS, FiscalYear.of(2015), Quantity.of("7", "事業者"), null, null));

        assertThat(registered.actuals()).isEmpty();
        assertThat(withActual.actuals()).hasSize(1);
        assertThat(KpiState.NONE.registered()).isNull();
    }

    @Test
    void everyTypeOfKpiEventHasItsOwnCase() {
        List<String> cases = Arrays.stream(KpiEvent.Cases.class.getDeclaredMethods())
                .map(method -> method.getParameterTypes()[0].getSimpleName()).sorted().toList();
        List<String> types = Arrays.stream(KpiEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .sorted().toList();

        assertThat(cases).isEqualTo(types);
    }
}
