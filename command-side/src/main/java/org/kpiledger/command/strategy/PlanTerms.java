package org.kpiledger.command.strategy;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * A plan's period and the scoring policies it adopted, read from the plan's own event stream (never behind, unlike a
 * read model): the reporting cycle opens periods only within the plan's years and previews grades under the policy
 * in force.
 */
@Component
public class PlanTerms {

    private final EventStore eventStore;

    PlanTerms(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The plan's first and last fiscal year and its adoptions by the year they take effect from. */
    public record Terms(FiscalYear firstYear, FiscalYear lastYear,
                        NavigableMap<FiscalYear, ScoringPolicyAdoptedEvent> adoptions) {

        public boolean covers(FiscalYear fiscalYear) {
            return !fiscalYear.isBefore(firstYear) && !fiscalYear.isAfter(lastYear);
        }

        /** The adoption in force for a fiscal year's figures, if the plan adopted one by then. */
        public Optional<ScoringPolicyAdoptedEvent> adoptionFor(FiscalYear fiscalYear) {
            return Optional.ofNullable(adoptions.floorEntry(fiscalYear)).map(entry -> entry.getValue());
        }
    }

    /** The plan's terms now: its period as last revised by decision, else as defined. */
    public Optional<Terms> of(PlanId planId) {
        StrategyDefinedEvent[] defined = {null};
        FiscalYear[] revisedLastYear = {null};
        NavigableMap<FiscalYear, ScoringPolicyAdoptedEvent> adoptions = new TreeMap<>();
        eventStore.readEvents(planId.value()).asStream().map(event -> event.getPayload()).forEach(payload -> {
            if (payload instanceof StrategyDefinedEvent strategy) {
                defined[0] = strategy;
            } else if (payload instanceof PlanPeriodRevisedEvent revision) {
                revisedLastYear[0] = revision.lastYear();
            } else if (payload instanceof ScoringPolicyAdoptedEvent adoption) {
                adoptions.put(adoption.effectiveFrom(), adoption);
            }
        });
        return Optional.ofNullable(defined[0])
                .map(strategy -> new Terms(strategy.firstYear(), revisedLastYear[0] != null ? revisedLastYear[0]
                        : strategy.lastYear(), adoptions));
    }
}
