package org.kpiledger.integrity.ledger;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The integrity checks and the full export are the auditors'; what lets anybody check a published figure (the public
 * key, checkpoints, proofs) is public.
 */
@Component
class IntegrityAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.open("/api/v1/integrity/public-key", HttpMethod.GET),
                AccessRule.read("/api/v1/integrity/checkpoints/latest"),
                AccessRule.read("/api/v1/integrity/proof"),
                AccessRule.read("/api/v1/integrity/consistency"),
                AccessRule.role(HttpMethod.GET, "/api/v1/integrity", LedgerRole.AUDITOR),
                AccessRule.role(HttpMethod.POST, "/api/v1/integrity/checkpoints", LedgerRole.AUDITOR, LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.POST, "/api/v1/integrity/acknowledgements", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.GET, "/api/v1/ledger/export", LedgerRole.AUDITOR));
    }
}
