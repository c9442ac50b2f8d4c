package org.kpiledger.command.kpi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every KPI registered in the ledger, from the event store itself (never behind, unlike a read model). Which of
 * them belong to a plan and to which department each KPI's own stream says, loaded in the deciding unit of work.
 */
@Component
public class PlanKpis {

    private final JdbcTemplate jdbc;
    private final KpiStreams kpis;
    private final TenantStreams streams;

    PlanKpis(JdbcTemplate jdbc, KpiStreams kpis, TenantStreams streams) {
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.streams = streams;
    }

    /** Every KPI placed in the plan, by id, as its own stream says now, each loaded into this unit of work. */
    public Map<KpiId, KpiState> placedIn(PlanId planId) {
        Map<KpiId, KpiState> plan = new LinkedHashMap<>();
        for (KpiId kpiId : registered()) {
            kpis.state(kpiId).filter(state -> state.placement() != null
                            && state.placement().planId().equals(planId))
                    .ifPresent(state -> plan.put(kpiId, state));
        }
        return plan;
    }

    /** Which of these KPIs are registered: one query, so that an unknown id is never looked for in the store. */
    public Set<KpiId> registeredAmong(Collection<KpiId> kpiIds) {
        String[] ids = kpiIds.stream().map(kpiId -> streams.stored(kpiId.value())).toArray(String[]::new);
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where aggregate_identifier = "
                + "any(?) and sequence_number = 0 and type = ?", String.class, ids, StreamTypes.KPI)
                .stream().map(TenantStreams::withoutTenant).map(KpiId::new).collect(Collectors.toSet());
    }

    /** Every KPI of the current tenant. */
    public List<KpiId> registered() {
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where type = ? "
                + "and sequence_number = 0 and " + streams.ofTheCurrentTenant("aggregate_identifier")
                + " order by aggregate_identifier", String.class, StreamTypes.KPI)
                .stream().map(TenantStreams::withoutTenant).map(KpiId::new).toList();
    }
}
