package org.kpiledger.command.kpi;

import static org.hamcrest.Matchers.containsString;
import static org.kpiledger.command.kpi.KpiFixtures.STARTUPS;
import static org.kpiledger.command.kpi.KpiFixtures.TARGET_YEAR;
import static org.kpiledger.command.kpi.KpiFixtures.amount;
import static org.kpiledger.command.kpi.KpiFixtures.registerRelocationSupport;
import static org.kpiledger.command.kpi.KpiFixtures.registerStartups;
import static org.kpiledger.command.kpi.KpiFixtures.startupsActual;
import static org.kpiledger.command.kpi.KpiFixtures.startupsRegistered;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.AssignDepartmentCommand;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FigureStep;
import org.kpiledger.events.kpi.FigureStepTakenEvent;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiRetiredEvent;
import org.kpiledger.events.kpi.Lineage;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.PlaceKpiCommand;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.RetireKpiCommand;
import org.kpiledger.events.kpi.ReviseTargetCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.AxonPlatformConfiguration;

class KpiTest {

    /** 2018-03-31 in Tokyo: the last day of FY2017. */
    private static final Clock LAST_DAY_OF_FY2017 =
            Clock.fixed(Instant.parse("2018-03-31T05:00:00Z"), ZoneId.of("Asia/Tokyo"));

    private static final Department SANGYO = new Department("sangyo");
    private static final Map<String, ?> SANGYO_STAFF = staffOf(SANGYO.code());
    private static final Map<String, ?> A_PLANNER = Map.of(AxonPlatformConfiguration.ACTOR_DEPARTMENT,
            SANGYO.code(), AxonPlatformConfiguration.ACTOR_ROLES, "PLANNER");

    /** KPIs of one plan: no year of theirs is held by a predecessor's KPI. */
    private static final SeriesHolders NO_OVERLAP = (kpi, fiscalYear) -> Optional.empty();

    private FixtureConfiguration<Kpi> fixture;

    private static Map<String, ?> staffOf(String department) {
        return Map.of(AxonPlatformConfiguration.ACTOR_DEPARTMENT, department,
                AxonPlatformConfiguration.ACTOR_ROLES, "STAFF");
    }

    private static DepartmentAssignedEvent ownedBySangyo() {
        return new DepartmentAssignedEvent(STARTUPS, null, SANGYO);
    }

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Kpi.class);
        fixture.registerInjectableResource(LAST_DAY_OF_FY2017);
        fixture.registerInjectableResource(NO_OVERLAP);
    }

    @Nested
    class Registering {

        @Test
        void registersAKpiWithItsBaselineAndTarget() {
            fixture.givenNoPriorActivity()
                    .when(registerStartups())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(startupsRegistered());
        }

        @Test
        void registersAKpiWhoseBaselineIsNotMeasuredYet() {
            RegisterKpiCommand command = registerRelocationSupport();
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(new KpiRegisteredEvent(command.kpiId(), command.name(), command.unit(),
                            command.accumulation(), command.direction(), command.baseline(), command.target(),
                            ValueKind.COUNT));
        }

        @Test
        void rejectsATargetYearThatDoesNotComeAfterTheBaselineYear() {
            RegisterKpiCommand valid = registerStartups();
            fixture.givenNoPriorActivity()
                    .when(new RegisterKpiCommand(valid.kpiId(), valid.name(), valid.unit(), valid.accumulation(),
                            valid.direction(), valid.baseline(),
                            new Target(valid.baseline().fiscalYear(), valid.target().value(), TargetComparator.AT_LEAST),
                            null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsABaselineInAnotherUnitThanTheKpi() {
            RegisterKpiCommand valid = registerStartups();
            fixture.givenNoPriorActivity()
                    .when(new RegisterKpiCommand(valid.kpiId(), valid.name(), valid.unit(), valid.accumulation(),
                            valid.direction(),
                            new Baseline(valid.baseline().fiscalYear(), Quantity.of("6", "件"), null), valid.target(),
                            null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Retiring {

        private final KpiRetiredEvent retiredAfter2016 = new KpiRetiredEvent(STARTUPS, FiscalYear.of(2016),
                "統計の廃止", "令和3年第2回定例会");

        @Test
        void retiresAKpiAfterAYearByDecision() {
            fixture.given(startupsRegistered(), startupsActual(2015, "9"))
                    .when(new RetireKpiCommand(STARTUPS, FiscalYear.of(2016), " 統計の廃止 ", "令和3年第2回定例会"))
                    .expectEvents(retiredAfter2016);
        }

        @Test
        void takesNoFigureOfAYearAfterItsRetirementButStillOneBefore() {
            fixture.given(startupsRegistered(), ownedBySangyo(), retiredAfter2016)
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2017), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(KpiRetiredException.class)
                    .expectNoEvents();
            fixture.given(startupsRegistered(), ownedBySangyo(), retiredAfter2016)
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2016), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesARetirementBeforeAYearWithAnActual() {
            fixture.given(startupsRegistered(), startupsActual(2017, "12"))
                    .when(new RetireKpiCommand(STARTUPS, FiscalYear.of(2016), "統計の廃止", "議決"))
                    .expectException(KpiRetiredException.class)
                    .expectNoEvents();
        }

        @Test
        void retiresOnlyOnce() {
            fixture.given(startupsRegistered(), retiredAfter2016)
                    .when(new RetireKpiCommand(STARTUPS, FiscalYear.of(2017), "再度", "議決"))
                    .expectException(NothingChangedException.class)
                    .expectNoEvents();
        }

        @Test
        void staysInThePlanItWasFirstPlacedIn() {
            KpiPlacement first = new KpiPlacement(new PlanId("city-a-2015"), "1-1", 1);
            fixture.given(startupsRegistered(), new KpiPlacedEvent(STARTUPS, null, first))
                    .when(new PlaceKpiCommand(STARTUPS, new KpiPlacement(new PlanId("city-a-2022"), "1-1", 1), null))
                    .expectException(KpiInAnotherPlanException.class)
                    .expectNoEvents();
            fixture.given(startupsRegistered(), new KpiPlacedEvent(STARTUPS, null, first))
                    .when(new PlaceKpiCommand(STARTUPS, new KpiPlacement(new PlanId("city-a-2015"), "1-1", 2), null))
                    .expectEvents(new KpiPlacedEvent(STARTUPS, first,
                            new KpiPlacement(new PlanId("city-a-2015"), "1-1", 2)));
        }

        @Test
        void leavesAYearTwoPlansCoverToThePredecessorsKpi() {
            KpiId successor = new KpiId("city-a-2022.1-1-1-01");
            SeriesHolders overlap2017 = (kpi, fiscalYear) -> fiscalYear.equals(FiscalYear.of(2017))
                    ? Optional.of(STARTUPS) : Optional.empty();
            RegisterKpiCommand startups = registerStartups();
            KpiRegisteredEvent registered = new KpiRegisteredEvent(successor, startups.name(), startups.unit(),
                    startups.accumulation(), startups.direction(), startups.baseline(), startups.target(),
                    ValueKind.COUNT, "1-1-1-01", new Lineage(STARTUPS, LineageKind.CARRIED_OVER));
            FixtureConfiguration<Kpi> successorsFixture = new AggregateTestFixture<>(Kpi.class);
            successorsFixture.registerInjectableResource(LAST_DAY_OF_FY2017);
            successorsFixture.registerInjectableResource(overlap2017);
            successorsFixture.given(registered)
                    .when(new RecordActualCommand(successor, FiscalYear.of(2017), amount("12"), null, null, null),
                            A_PLANNER)
                    .expectException(FigureInLineageException.class)
                    .expectNoEvents();
        }

        @Test
        void registersASuccessorsKpiWithItsCodeAndLineage() {
            RegisterKpiCommand startups = registerStartups();
            KpiId successor = new KpiId("city-a-2022.1-1-1-01");
            Lineage lineage = new Lineage(STARTUPS, LineageKind.CARRIED_OVER);
            fixture.givenNoPriorActivity()
                    .when(new RegisterKpiCommand(successor, startups.name(), startups.unit(), startups.accumulation(),
                            startups.direction(), startups.baseline(), startups.target(), null, "1-1-1-01", lineage))
                    .expectEvents(new KpiRegisteredEvent(successor, startups.name(), startups.unit(),
                            startups.accumulation(), startups.direction(), startups.baseline(), startups.target(),
                            ValueKind.COUNT, "1-1-1-01", lineage));
        }
    }

    @Nested
    class RecordingActuals {

        @Test
        void recordsTheActualOfAFiscalYearInTheKpisUnit() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("9"), "H27年度末",
                            "産業振興課 報告書 2016-04", null), SANGYO_STAFF)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L)
                    .expectEvents(new ActualRecordedEvent(STARTUPS, FiscalYear.of(2015), Quantity.of("9", "事業者"),
                            "H27年度末", "産業振興課 報告書 2016-04"));
        }

        @Test
        void rejectsSecondActualForSameFiscalYear() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("10"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(ActualAlreadyRecordedException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsTheFiscalYearThatIsRunningToday() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2017), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectEvents(startupsActual(2017, "12"));
        }

        @Test
        void rejectsAFiscalYearThatHasNotStarted() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2018), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(FiscalYearNotStartedException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsTheVersionTheWriterSaw() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2016), amount("11"), null, null, 2L),
                            SANGYO_STAFF)
                    .expectResultMessagePayload(3L)
                    .expectEvents(startupsActual(2016, "11"));
        }

        @Test
        void rejectsAVersionTheKpiHasMovedOnFrom() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2016), amount("11"), null, null, 0L),
                            SANGYO_STAFF)
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAVersionTheKpiHasNotReached() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2016), amount("11"), null, null, 5L),
                            SANGYO_STAFF)
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DepartmentRule {

        @Test
        void refusesStaffOfAnotherDepartment() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("9"), null, null, null),
                            staffOf("kosodate"))
                    .expectException(DepartmentRuleException.class)
                    .expectExceptionMessage(containsString("owned by sangyo"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnyFigureForAKpiNoDepartmentOwns() {
            fixture.given(startupsRegistered())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("9"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(DepartmentRuleException.class)
                    .expectExceptionMessage(containsString("not owned by any department"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheFormerOwnerOnceTheKpiIsHandedOver() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"),
                            new DepartmentAssignedEvent(STARTUPS, SANGYO, new Department("kosodate")))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8"), "typo", null),
                            SANGYO_STAFF)
                    .expectException(DepartmentRuleException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWriterWhoseDepartmentAndRolesAreUnknown() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("9"), null, null, null))
                    .expectException(DepartmentRuleException.class)
                    .expectNoEvents();
        }

        @Test
        void letsAnAdministratorWriteForAnyDepartment() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("9"), null, null, null),
                            Map.of(AxonPlatformConfiguration.ACTOR_ROLES, "ADMIN"))
                    .expectEvents(startupsActual(2015, "9"));
        }
    }

    /** A year's figure under review or published is refused to every writer; a return or a reopening opens it. */
    @Nested
    class InTheReportingCycle {

        private FigureStepTakenEvent step(int fiscalYear, FigureStep step) {
            return new FigureStepTakenEvent(STARTUPS, FiscalYear.of(fiscalYear), step, Quantity.of("9", "事業者"),
                    null, null, step == FigureStep.PUBLISHED ? "report-1" : null);
        }

        private CorrectActualCommand correction(int fiscalYear) {
            return new CorrectActualCommand(STARTUPS, FiscalYear.of(fiscalYear), amount("8"), "再集計", null);
        }

        @Test
        void refusesAFigureOfAPublishedYearAsLocked() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2016, "9"),
                            step(2016, FigureStep.SUBMITTED), step(2016, FigureStep.APPROVED),
                            step(2016, FigureStep.PUBLISHED))
                    .when(correction(2016), SANGYO_STAFF)
                    .expectException(FigureNotOpenException.class)
                    .expectExceptionMessage(containsString("was published"))
                    .expectNoEvents();
        }

        @Test
        void refusesAFigureUnderReviewAndAFirstFigureOfALockedYear() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2016, "9"),
                            step(2016, FigureStep.SUBMITTED))
                    .when(correction(2016), SANGYO_STAFF)
                    .expectException(FigureNotOpenException.class)
                    .expectNoEvents();
            fixture.given(startupsRegistered(), ownedBySangyo(), new FigureStepTakenEvent(STARTUPS,
                            FiscalYear.of(2017), FigureStep.PUBLISHED, null, null, null, "report-1"))
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2017), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(FigureNotOpenException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAFigureAgainAfterAReturnOrAReopening() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2016, "9"),
                            step(2016, FigureStep.SUBMITTED), step(2016, FigureStep.RETURNED))
                    .when(correction(2016), SANGYO_STAFF)
                    .expectSuccessfulHandlerExecution();
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2016, "9"),
                            step(2016, FigureStep.SUBMITTED), step(2016, FigureStep.APPROVED),
                            step(2016, FigureStep.PUBLISHED), step(2016, FigureStep.REOPENED))
                    .when(correction(2016), SANGYO_STAFF)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void leavesOtherYearsOpen() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2016, "9"),
                            step(2016, FigureStep.SUBMITTED), step(2016, FigureStep.APPROVED),
                            step(2016, FigureStep.PUBLISHED))
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2017), amount("12"), null, null, null),
                            SANGYO_STAFF)
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class CorrectingActuals {

        @Test
        void correctsAnActualAndKeepsTheValueItReplaces() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8"),
                            "転出した1事業者を二重計上していた", 2L), SANGYO_STAFF)
                    .expectResultMessagePayload(3L)
                    .expectEvents(new ActualCorrectedEvent(STARTUPS, FiscalYear.of(2015),
                            Quantity.of("9", "事業者"), Quantity.of("8", "事業者"), "転出した1事業者を二重計上していた"));
        }

        @Test
        void correctsACorrectionAgainstTheLatestValue() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"),
                            new ActualCorrectedEvent(STARTUPS, FiscalYear.of(2015), Quantity.of("9", "事業者"),
                                    Quantity.of("8", "事業者"), "first"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("7"), "second", null),
                            SANGYO_STAFF)
                    .expectEvents(new ActualCorrectedEvent(STARTUPS, FiscalYear.of(2015),
                            Quantity.of("8", "事業者"), Quantity.of("7", "事業者"), "second"));
        }

        @Test
        void rejectsACorrectionOfAFiscalYearWithoutActual() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8"), "typo", null),
                            SANGYO_STAFF)
                    .expectException(ActualNotRecordedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsACorrectionThatChangesNothing() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("9.00"), "typo", null),
                            SANGYO_STAFF)
                    .expectException(NothingChangedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsACorrectionWithoutReason() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8"), " ", null), SANGYO_STAFF)
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAStaleCorrection() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"), startupsActual(2016, "11"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8"), "typo", 1L),
                            SANGYO_STAFF)
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RevisingTargets {

        private final Target original = startupsRegistered().target();

        @Test
        void revisesTheTargetAndKeepsTheOneItReplaces() {
            fixture.given(startupsRegistered())
                    .when(new ReviseTargetCommand(STARTUPS, FiscalYear.parse("R2"), amount("25"),
                            TargetComparator.AT_LEAST, "計画期間の延長", "区議会 令和元年第4回定例会", 0L))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new TargetRevisedEvent(STARTUPS, original,
                            new Target(FiscalYear.of(2020), Quantity.of("25", "事業者"), TargetComparator.AT_LEAST),
                            "計画期間の延長", "区議会 令和元年第4回定例会"));
        }

        @Test
        void rejectsARevisionThatChangesNothing() {
            fixture.given(startupsRegistered())
                    .when(new ReviseTargetCommand(STARTUPS, TARGET_YEAR, amount("21.0"), TargetComparator.AT_LEAST,
                            "no change", "decision 1", null))
                    .expectException(NothingChangedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsARevisionWithoutDecisionReference() {
            fixture.given(startupsRegistered())
                    .when(new ReviseTargetCommand(STARTUPS, TARGET_YEAR, amount("25"), TargetComparator.AT_LEAST,
                            "raise", "", null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsATargetYearBeforeTheBaseline() {
            fixture.given(startupsRegistered())
                    .when(new ReviseTargetCommand(STARTUPS, FiscalYear.of(2013), amount("25"),
                            TargetComparator.AT_LEAST, "raise", "decision 1", null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAStaleRevision() {
            fixture.given(startupsRegistered(), startupsActual(2015, "9"))
                    .when(new ReviseTargetCommand(STARTUPS, TARGET_YEAR, amount("25"), TargetComparator.AT_LEAST,
                            "raise", "decision 1", 0L))
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class FiguresThatCannotBeTrue {

        private final KpiId turnout = new KpiId("5-2-1-01");

        /** 国保基本健康診査の受診率: 52.5% → 60.0%, a PERCENT KPI. */
        private RegisterKpiCommand registerTurnout(String baseline, String target, ValueKind kind) {
            return new RegisterKpiCommand(turnout, "国保基本健康診査の受診率", "%", Accumulation.LEVEL, Direction.INCREASE,
                    new Baseline(KpiFixtures.BASELINE_YEAR, Quantity.of(baseline, "%"), null),
                    new Target(TARGET_YEAR, Quantity.of(target, "%"), TargetComparator.AT_LEAST), kind);
        }

        @Test
        void derivesTheValueKindFromTheUnitWhenNoneIsGiven() {
            RegisterKpiCommand command = registerTurnout("52.5", "60.0", null);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(new KpiRegisteredEvent(turnout, command.name(), "%", Accumulation.LEVEL,
                            Direction.INCREASE, command.baseline(), command.target(), ValueKind.PERCENT));
        }

        @Test
        void keepsAValueKindGivenAtRegistration() {
            RegisterKpiCommand command = registerTurnout("52.5", "160", ValueKind.RATE);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(new KpiRegisteredEvent(turnout, command.name(), "%", Accumulation.LEVEL,
                            Direction.INCREASE, command.baseline(), command.target(), ValueKind.RATE));
        }

        @Test
        void rejectsAPercentTargetOver100() {
            fixture.givenNoPriorActivity()
                    .when(registerTurnout("52.5", "250", null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectExceptionMessage("must be at most 100 (kind PERCENT).")
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeBaseline() {
            fixture.givenNoPriorActivity()
                    .when(registerTurnout("-1", "60", null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAMeasuredBaselineInAFiscalYearThatHasNotBegun() {
            RegisterKpiCommand valid = registerStartups();
            fixture.givenNoPriorActivity()
                    .when(new RegisterKpiCommand(valid.kpiId(), valid.name(), valid.unit(), valid.accumulation(),
                            valid.direction(), new Baseline(FiscalYear.of(2018), Quantity.of("6", "事業者"), null),
                            new Target(FiscalYear.of(2100), valid.target().value(), TargetComparator.AT_LEAST), null))
                    .expectException(FiscalYearNotStartedException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAnUnmeasuredBaselineOfAFutureYear() {
            RegisterKpiCommand valid = registerRelocationSupport();
            fixture.givenNoPriorActivity()
                    .when(new RegisterKpiCommand(valid.kpiId(), valid.name(), valid.unit(), valid.accumulation(),
                            valid.direction(), new Baseline(FiscalYear.of(2018), null, "—"),
                            new Target(FiscalYear.of(2020), valid.target().value(), TargetComparator.AT_LEAST), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsANegativeCount() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("-3"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(InvalidKpiCommandException.class)
                    .expectExceptionMessage("must not be negative (the KPI's figures are of kind COUNT).")
                    .expectNoEvents();
        }

        @Test
        void rejectsAFractionOfACount() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(2015), amount("2.5"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnActualOfAFiscalYearBeforeTheBaselineYear() {
            fixture.given(startupsRegistered(), ownedBySangyo())
                    .when(new RecordActualCommand(STARTUPS, FiscalYear.of(1900), amount("3"), null, null, null),
                            SANGYO_STAFF)
                    .expectException(FiscalYearBeforeBaselineException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsACorrectionToAFigureTheKindCannotHave() {
            fixture.given(startupsRegistered(), ownedBySangyo(), startupsActual(2015, "9"))
                    .when(new CorrectActualCommand(STARTUPS, FiscalYear.of(2015), amount("8.5"), "typo", null),
                            SANGYO_STAFF)
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsARevisedTargetTheKindCannotHave() {
            fixture.given(startupsRegistered())
                    .when(new ReviseTargetCommand(STARTUPS, FiscalYear.of(2020), amount("-25"),
                            TargetComparator.AT_LEAST, "raise", "区議会 議決", null))
                    .expectException(InvalidKpiCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class PlacingInTheStrategy {

        private final KpiPlacement underCreation = new KpiPlacement(new PlanId("shinagawa-2015"), "1-1", 1);
        private final KpiPlacement underSupport = new KpiPlacement(new PlanId("shinagawa-2015"), "1-1", 2);

        @Test
        void placesAKpiUnderAMeasure() {
            fixture.given(startupsRegistered())
                    .when(new PlaceKpiCommand(STARTUPS, underCreation, null))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new KpiPlacedEvent(STARTUPS, null, underCreation));
        }

        @Test
        void movesAKpiAndKeepsWhereItStoodBefore() {
            fixture.given(startupsRegistered(), new KpiPlacedEvent(STARTUPS, null, underCreation))
                    .when(new PlaceKpiCommand(STARTUPS, underSupport, 1L))
                    .expectEvents(new KpiPlacedEvent(STARTUPS, underCreation, underSupport));
        }

        @Test
        void rejectsAMoveAgainstAStaleVersion() {
            fixture.given(startupsRegistered(), new KpiPlacedEvent(STARTUPS, null, underCreation))
                    .when(new PlaceKpiCommand(STARTUPS, underSupport, 0L))
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAPlacementThatChangesNothing() {
            fixture.given(startupsRegistered(), new KpiPlacedEvent(STARTUPS, null, underCreation))
                    .when(new PlaceKpiCommand(STARTUPS, underCreation, null))
                    .expectException(NothingChangedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OwningDepartment {

        private final Department sangyo = new Department("sangyo");
        private final Department kikaku = new Department("kikaku");

        @Test
        void assignsAnOwnerToAKpiThatHasNone() {
            fixture.given(startupsRegistered())
                    .when(new AssignDepartmentCommand(STARTUPS, sangyo, null))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new DepartmentAssignedEvent(STARTUPS, null, sangyo));
        }

        @Test
        void handsAKpiToAnotherDepartmentAndKeepsTheOneBefore() {
            fixture.given(startupsRegistered(), new DepartmentAssignedEvent(STARTUPS, null, sangyo))
                    .when(new AssignDepartmentCommand(STARTUPS, kikaku, 1L))
                    .expectEvents(new DepartmentAssignedEvent(STARTUPS, sangyo, kikaku));
        }

        @Test
        void rejectsAnAssignmentThatChangesNothing() {
            fixture.given(startupsRegistered(), new DepartmentAssignedEvent(STARTUPS, null, sangyo))
                    .when(new AssignDepartmentCommand(STARTUPS, sangyo, null))
                    .expectException(NothingChangedException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnAssignmentAgainstAStaleVersion() {
            fixture.given(startupsRegistered(), new DepartmentAssignedEvent(STARTUPS, null, sangyo))
                    .when(new AssignDepartmentCommand(STARTUPS, kikaku, 0L))
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }
    }
}
