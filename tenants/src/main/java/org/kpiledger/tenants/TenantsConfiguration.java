package org.kpiledger.tenants;

import java.time.Clock;
import java.util.List;
import org.kpiledger.accounts.AccountsConfiguration;
import org.kpiledger.accounts.LocalAccounts;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.security.SecurityConfiguration;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenancyConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tenants: the registry the prefix filter asks, the operator's API and its access rules. Both sides run it, so a
 * tenant created or suspended through one process is one at the other on its next request.
 */
@AutoConfiguration(before = {TenancyConfiguration.class, SecurityConfiguration.class},
        after = AccountsConfiguration.class)
@Import({TenantController.class, TenantProblemHandler.class})
public class TenantsConfiguration {

    @Bean
    TenantRegistry tenantRegistry(JdbcTemplate jdbc, LocalAccounts accounts, Clock clock) {
        return new TenantRegistry(jdbc, accounts, clock);
    }

    /** The default tenant is chosen before the first start: a later setting would orphan every stored row. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner defaultTenantAsStored(TenantRegistry registry, DefaultTenant defaultTenant) {
        return arguments -> {
            String stored = registry.storedDefault();
            if (!defaultTenant.is(stored)) {
                throw new IllegalStateException("kpi-ledger.tenancy.default-tenant is " + defaultTenant.id()
                        + " but this database was started with " + stored + " as its default tenant; set it back.");
            }
        };
    }

    @Bean
    AccessRules tenantsAccess() {
        return () -> List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/tenants", LedgerRole.OPERATOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/tenants", LedgerRole.OPERATOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/tenants/*", LedgerRole.OPERATOR),
                AccessRule.role(HttpMethod.PUT, "/api/v1/tenants/*/status", LedgerRole.OPERATOR));
    }
}
