package org.kpiledger.query.deadletter;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The projections' dead letters are for the administrator who runs the service. */
@Component
class DeadLetterAccess implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.GET, "/api/v1/operations/dead-letters", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.POST, "/api/v1/operations/dead-letters/retry", LedgerRole.ADMIN));
    }
}
