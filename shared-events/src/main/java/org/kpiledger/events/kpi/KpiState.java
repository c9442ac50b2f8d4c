package org.kpiledger.events.kpi;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a KPI's history says it is now: the one fold of its events, {@code state = state.evolve(event)} from
 * {@link #NONE}. The aggregate decides commands on it and a published report is computed from it, so that the two
 * can never read the same history two ways. Pure: no clock, no store, no mutation.
 *
 * @param registered the registration, null until the KPI is registered
 * @param target the target in force (the registered one until the council revises it)
 * @param placement where the KPI stands in a strategy, null while it stands nowhere
 * @param department the department that owns the KPI, null while none does
 * @param actuals the actual of each fiscal year as it stands after every correction
 * @param cycle where each fiscal year the reporting cycle has touched stands in it
 * @param retirement the retirement, null while the KPI is measured on
 */
public record KpiState(KpiRegisteredEvent registered, Target target, KpiPlacement placement, Department department,
        SortedMap<FiscalYear, Quantity> actuals, SortedMap<FiscalYear, FigureInCycle> cycle,
        KpiRetiredEvent retirement) {

    /** Before the first event. */
    public static final KpiState NONE = new KpiState(null, null, null, null, new TreeMap<>(), new TreeMap<>(),
            null);

    public KpiState {
        actuals = Collections.unmodifiableSortedMap(new TreeMap<>(actuals));
        cycle = Collections.unmodifiableSortedMap(new TreeMap<>(cycle));
    }

    /** The state after the next event of the KPI's stream. */
    public KpiState evolve(KpiEvent event) {
        return event.match(new KpiEvent.Cases<>() {
            @Override
            public KpiState registered(KpiRegisteredEvent registration) {
                return new KpiState(registration, registration.target(), placement, department, actuals, cycle,
                        retirement);
            }

            @Override
            public KpiState actualRecorded(ActualRecordedEvent recorded) {
                return withActual(recorded.fiscalYear(), recorded.value());
            }

            @Override
            public KpiState actualCorrected(ActualCorrectedEvent corrected) {
                return withActual(corrected.fiscalYear(), corrected.correctedValue());
            }

            @Override
            public KpiState targetRevised(TargetRevisedEvent revised) {
                return new KpiState(registered, revised.revisedTarget(), placement, department, actuals,
                        cycle, retirement);
            }

            @Override
            public KpiState placed(KpiPlacedEvent placed) {
                return new KpiState(registered, target, placed.placement(), department, actuals, cycle, retirement);
            }

            @Override
            public KpiState departmentAssigned(DepartmentAssignedEvent assigned) {
                return new KpiState(registered, target, placement, assigned.department(), actuals, cycle, retirement);
            }

            @Override
            public KpiState figureStepTaken(FigureStepTakenEvent step) {
                return withCycle(step.fiscalYear(), figureInCycle(step.fiscalYear()).after(step));
            }

            @Override
            public KpiState figureDeclaredLate(FigureDeclaredLateEvent declaration) {
                return withCycle(declaration.fiscalYear(), figureInCycle(declaration.fiscalYear())
                        .declaredLate(declaration));
            }

            @Override
            public KpiState retired(KpiRetiredEvent retired) {
                return new KpiState(registered, target, placement, department, actuals, cycle, retired);
            }
        });
    }

    /** The state after all these events, in order. */
    public static KpiState of(Iterable<? extends KpiEvent> history) {
        KpiState state = NONE;
        for (KpiEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean isRegistered() {
        return registered != null;
    }

    public Optional<Quantity> actual(FiscalYear fiscalYear) {
        return Optional.ofNullable(actuals.get(fiscalYear));
    }

    /** The latest fiscal year with an actual, if any. */
    public Optional<FiscalYear> latestYear() {
        return actuals.isEmpty() ? Optional.empty() : Optional.of(actuals.lastKey());
    }

    /** Whether the KPI is still measured in a fiscal year: not after the last year of its retirement. */
    public boolean measuredIn(FiscalYear fiscalYear) {
        return retirement == null || !fiscalYear.isAfter(retirement.lastFiscalYear());
    }

    /** Where the year's figure stands in the reporting cycle. */
    public FigureInCycle figureInCycle(FiscalYear fiscalYear) {
        return cycle.getOrDefault(fiscalYear, FigureInCycle.UNTOUCHED);
    }

    private KpiState withActual(FiscalYear fiscalYear, Quantity value) {
        SortedMap<FiscalYear, Quantity> next = new TreeMap<>(actuals);
        next.put(fiscalYear, value);
        SortedMap<FiscalYear, FigureInCycle> nextCycle = new TreeMap<>(cycle);
        nextCycle.computeIfPresent(fiscalYear, (year, figure) -> figure.recorded());
        return new KpiState(registered, target, placement, department, next, nextCycle, retirement);
    }

    private KpiState withCycle(FiscalYear fiscalYear, FigureInCycle figure) {
        SortedMap<FiscalYear, FigureInCycle> next = new TreeMap<>(cycle);
        next.put(fiscalYear, figure);
        return new KpiState(registered, target, placement, department, actuals, next, retirement);
    }
}
