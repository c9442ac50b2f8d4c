package org.kpiledger.query.dashboard;

import java.util.List;
import org.kpiledger.platform.replica.ReplicaReadPaths;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The dashboard's pages: the present is published, the past and the changes for committees and auditors, the audit
 * page for auditors. The overview and a KPI's page are read from the replica when there is one; the audit and
 * changes pages stay on the primary with the audit feed.
 */
@Component
class DashboardAccess implements ReplicaReadPaths, ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/"),
                AccessRule.pastState("/kpis/*"),
                AccessRule.read("/"),
                AccessRule.read("/kpis/*"),
                AccessRule.role(HttpMethod.GET, "/changes", LedgerRole.COMMITTEE, LedgerRole.AUDITOR),
                AccessRule.role(HttpMethod.GET, "/audit", LedgerRole.AUDITOR));
    }

    @Override
    public List<String> patterns() {
        return List.of("/", "/kpis/*");
    }
}
