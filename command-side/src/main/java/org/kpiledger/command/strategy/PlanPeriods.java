package org.kpiledger.command.strategy;

import java.util.Comparator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.kpiledger.command.kpi.PlanKpis;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.RevisePlanPeriodCommand;
import org.springframework.stereotype.Component;

/**
 * Decides a plan's period revision across the plan and its KPIs: every KPI of the plan is loaded (and locked) in the
 * same unit of work as the plan, so the latest year with an actual is known and cannot move meanwhile.
 */
@Component
class PlanPeriods {

    private final Configuration axon;
    private final PlanKpis planKpis;

    PlanPeriods(Configuration axon, PlanKpis planKpis) {
        this.axon = axon;
        this.planKpis = planKpis;
    }

    @CommandHandler
    void handle(RevisePlanPeriodCommand command) {
        var strategy = axon.repository(Strategy.class).load(command.planId().value());
        FiscalYear latestActual = planKpis.placedIn(command.planId()).values().stream()
                .flatMap(state -> state.latestYear().stream()).max(Comparator.naturalOrder()).orElse(null);
        strategy.execute(plan -> plan.revisePeriod(command.lastYear(), command.reason(),
                command.decisionReference(), latestActual));
    }
}
