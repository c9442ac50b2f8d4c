package org.kpiledger.query.progress;

import java.util.List;
import org.kpiledger.platform.replica.ReplicaReadPaths;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.stereotype.Component;

/**
 * Current progress is published (JSON, CSV, XLSX); a past state is for committees and auditors. Current progress and
 * past states are read from the replica when there is one.
 */
@Component
class KpiProgressAccess implements ReplicaReadPaths, ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/api/v1/kpis"),
                AccessRule.pastState("/api/v1/kpis/*"),
                AccessRule.read("/api/v1/kpis"),
                AccessRule.read("/api/v1/kpis/*"));
    }

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/kpis", "/api/v1/kpis/*");
    }
}
