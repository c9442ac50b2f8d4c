package org.kpiledger.accounts;

import java.time.Clock;
import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.security.SecurityConfiguration;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantScopedPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local accounts: the store sign-in finds them in, the first administrator, and the users API with its access
 * rules. Both sides run it, so an account created through one process signs in at the other.
 */
@AutoConfiguration(before = SecurityConfiguration.class)
@Import({UserController.class, UserProblemHandler.class})
public class AccountsConfiguration {

    @Bean
    LocalAccounts localAccounts(JdbcTemplate jdbc, Clock clock, DefaultTenant defaultTenant) {
        return new LocalAccounts(jdbc, clock, defaultTenant);
    }

    /** Every table of the accounts is kept apart by tenant (V20): each tenant manages its own users. */
    @Bean
    TenantScopedPaths accountPathsPerTenant() {
        return () -> List.of("/api/v1/users", "/api/v1/users/**");
    }

    /**
     * On the first start, with no account at all, creates {@code admin} with the password in
     * {@code KPI_LEDGER_ADMIN_PASSWORD} or, without one, a generated password printed once to the log.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner firstAdministrator(LocalAccounts accounts, PasswordEncoder passwords,
            @Value("${kpi-ledger.security.admin-password:}") String adminPassword) {
        return new FirstAdministrator(accounts, passwords, adminPassword);
    }

    @Bean
    AccessRules accountsAccess() {
        return () -> List.of(
                AccessRule.signedIn(HttpMethod.PUT, "/api/v1/users/me/password"),
                AccessRule.role(HttpMethod.GET, "/api/v1/users/changes", LedgerRole.ADMIN, LedgerRole.AUDITOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/users", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.POST, "/api/v1/users", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.GET, "/api/v1/users/*", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.PUT, "/api/v1/users/*/roles", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.PUT, "/api/v1/users/*/enabled", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.PUT, "/api/v1/users/*/email", LedgerRole.ADMIN),
                AccessRule.role(HttpMethod.PUT, "/api/v1/users/*/password", LedgerRole.ADMIN));
    }
}
