package org.kpiledger.command.entry;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The entry form is for staff (their own department's KPIs, checked by the page). */
@Component
class ActualEntryAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.GET, "/entry/kpis/*", LedgerRole.STAFF),
                AccessRule.role(HttpMethod.POST, "/entry/kpis/*", LedgerRole.STAFF));
    }
}
