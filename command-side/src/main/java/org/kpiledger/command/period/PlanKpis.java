package org.kpiledger.command.period;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.KpiId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every KPI registered in the ledger, from the event store itself (never behind, unlike a read model). Which of
 * them belong to a plan and to which department each KPI's own stream says, loaded in the deciding unit of work.
 */
@Component
public class PlanKpis {

    private final JdbcTemplate jdbc;

    PlanKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these KPIs are registered: one query, so that an unknown id is never looked for in the store. */
    Set<KpiId> registeredAmong(Collection<KpiId> kpiIds) {
        String[] ids = kpiIds.stream().map(KpiId::value).toArray(String[]::new);
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where aggregate_identifier = "
                + "any(?) and sequence_number = 0 and type = ?", String.class, ids, StreamTypes.KPI)
                .stream().map(KpiId::new).collect(Collectors.toSet());
    }

    public List<KpiId> registered() {
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where type = ? "
                + "and sequence_number = 0 order by aggregate_identifier", String.class, StreamTypes.KPI)
                .stream().map(KpiId::new).toList();
    }
}
