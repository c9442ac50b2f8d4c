package org.kpiledger.command.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.command.kpi.KpiHistory;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the ledger holds of plans and their KPIs, read from the event store (never behind): which KPI a plan's code
 * names, and which plan succeeds which. A catalog's rows name KPIs by their code in a plan; two plans may both have a
 * {@code 1-1-1-01}, so the first plan's KPI keeps the code as its id and a later plan's is {@code plan.code}.
 */
final class LedgerPlans {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TenantStreams streams;
    private final Map<String, Optional<KpiState>> kpis = new LinkedHashMap<>();
    private Map<PlanId, StrategyDefinedEvent> plans;

    LedgerPlans(EventStore eventStore, JdbcTemplate jdbc, TenantStreams streams) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    /** The KPI of the plan with this code, if the ledger has one (or has the code as a KPI placed nowhere yet). */
    Optional<KpiId> kpiOf(PlanId planId, String code) {
        return candidates(planId, code).stream()
                .filter(id -> state(id).map(state -> state.placement() == null ? id.value().equals(code)
                        : state.placement().planId().equals(planId)).orElse(false))
                .findFirst();
    }

    /**
     * The id a new KPI of the plan gets for this code: the code itself while no KPI has it, else {@code plan.code};
     * empty when both are taken (by KPIs of other plans, or by new KPIs of the same load) or too long for an id.
     */
    Optional<KpiId> freeIdFor(PlanId planId, String code, Set<KpiId> claimed) {
        return candidates(planId, code).stream().filter(id -> state(id).isEmpty() && !claimed.contains(id))
                .findFirst();
    }

    /** The KPI as its stream says now, if registered. */
    Optional<KpiState> kpi(KpiId kpiId) {
        return state(kpiId);
    }

    /** Every plan the ledger defines, as last defined. */
    Map<PlanId, StrategyDefinedEvent> plans() {
        if (plans == null) {
            plans = new LinkedHashMap<>();
            jdbc.queryForList("select aggregate_identifier from domain_event_entry where type = ? "
                    + "and sequence_number = 0 and " + streams.ofTheCurrentTenant("aggregate_identifier")
                    + " order by global_index", String.class, StreamTypes.STRATEGY)
                    .forEach(id -> eventStore.readEvents(TenantStreams.withoutTenant(id)).asStream()
                            .map(event -> event.getPayload())
                            .filter(StrategyDefinedEvent.class::isInstance).map(StrategyDefinedEvent.class::cast)
                            .forEach(defined -> plans.put(defined.planId(), defined)));
        }
        return plans;
    }

    /** Every KPI placed in the plan, as its stream says now. */
    Map<KpiId, KpiState> placedIn(PlanId planId) {
        Map<KpiId, KpiState> placed = new LinkedHashMap<>();
        jdbc.queryForList("select aggregate_identifier from domain_event_entry where type = ? "
                + "and sequence_number = 0 and " + streams.ofTheCurrentTenant("aggregate_identifier")
                + " order by aggregate_identifier", String.class, StreamTypes.KPI)
                .stream().map(TenantStreams::withoutTenant)
                .forEach(id -> state(new KpiId(id)).filter(state -> state.placement() != null
                        && state.placement().planId().equals(planId))
                        .ifPresent(state -> placed.put(new KpiId(id), state)));
        return placed;
    }

    private Optional<KpiState> state(KpiId kpiId) {
        return kpis.computeIfAbsent(kpiId.value(), id -> Optional.of(KpiHistory.read(eventStore, kpiId))
                .filter(KpiState::isRegistered));
    }

    private static List<KpiId> candidates(PlanId planId, String code) {
        String qualified = planId + "." + code;
        try {
            return List.of(new KpiId(code), new KpiId(qualified));
        } catch (IllegalArgumentException tooLong) {
            return List.of(new KpiId(code));
        }
    }
}
