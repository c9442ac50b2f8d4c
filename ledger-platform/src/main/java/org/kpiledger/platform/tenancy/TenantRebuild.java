package org.kpiledger.platform.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context of a replay that rebuilds one tenant's read models: each projection's reset handler for it deletes that
 * tenant's rows ({@link #deleteRows}), and {@link EventsOfTheirTenant} lets only that tenant's events through while
 * the replay lasts, so every other tenant's rows stay as they are and go on being served. Stored in the replay token.
 */
public record TenantRebuild(String tenantId) {

    /** Deletes the tenant's rows of a projection's tables, which its replay builds again. */
    public void deleteRows(JdbcTemplate jdbc, String... tables) {
        for (String table : tables) {
            jdbc.update("delete from " + table + " where tenant_id = ?", tenantId);
        }
    }
}
