package org.kpiledger.query.plans;

import java.util.List;
import org.kpiledger.platform.replica.ReplicaReadPaths;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.stereotype.Component;

/**
 * The plans and a KPI's series are published like the KPIs; as they stood in the past, for committees and auditors.
 * The plans and series are read from the replica when there is one.
 */
@Component
class PlansAccess implements ReplicaReadPaths, ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/api/v1/strategies"),
                AccessRule.pastState("/api/v1/strategies/*/kpis/*"),
                AccessRule.pastState("/api/v1/kpis/*/series"),
                AccessRule.read("/api/v1/strategies"),
                AccessRule.read("/api/v1/strategies/*/kpis/*"),
                AccessRule.read("/api/v1/kpis/*/series"));
    }

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/strategies", "/api/v1/strategies/*/kpis/*", "/api/v1/kpis/*/series");
    }
}
