package org.kpiledger.query.dashboard;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The dashboard's pages: the present is published, the past and the changes for committees and auditors, the audit
 * page for auditors.
 */
@Component
class DashboardAccess implements AccessRules {

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
}
