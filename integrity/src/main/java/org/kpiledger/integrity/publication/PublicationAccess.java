package org.kpiledger.integrity.publication;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The committee publishes a report; a published report and its verification are public. */
@Component
class PublicationAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/publications", LedgerRole.COMMITTEE),
                AccessRule.read("/api/v1/publications/*"),
                AccessRule.read("/api/v1/publications/*/verify"));
    }
}
