package org.kpiledger.platform.tenancy;

import java.util.Optional;

/**
 * Where a tenant's streams are in the event store. The default tenant's streams keep the ids they always had (the
 * stored history of a one-city deployment does not change); another tenant's stream is stored under
 * {@code <tenantId>:<id>}, so two municipalities may both have a KPI {@code 1-1-1-01} or a plan
 * {@code shinagawa-2015}. No id of the ledger contains a colon: a stored id names its tenant without doubt. The API,
 * the aggregates and the projections see the ids without the tenant.
 */
public final class TenantStreams {

    private static final char SEPARATOR = ':';
    private static final int PREFIX = TenantCode.LENGTH + 1;

    private final DefaultTenant defaultTenant;

    public TenantStreams(DefaultTenant defaultTenant) {
        this.defaultTenant = defaultTenant;
    }

    /** The stored id of the current tenant's stream. */
    public String stored(String streamId) {
        return stored(defaultTenant.current(), streamId);
    }

    /** The stored id of the tenant's stream. */
    public String stored(String tenantId, String streamId) {
        return defaultTenant.is(tenantId) ? streamId : tenantId + SEPARATOR + streamId;
    }

    /** The stream's id as the API and the aggregates know it. */
    public static String withoutTenant(String storedId) {
        return tenantOf(storedId).isPresent() ? storedId.substring(PREFIX) : storedId;
    }

    /** The tenant a stored id names; empty for the default tenant's streams, which name none. */
    public static Optional<String> tenantOf(String storedId) {
        if (storedId == null || storedId.length() <= PREFIX || storedId.charAt(PREFIX - 1) != SEPARATOR) {
            return Optional.empty();
        }
        String tenant = storedId.substring(0, PREFIX - 1);
        return TenantCode.isValid(tenant) ? Optional.of(tenant) : Optional.empty();
    }

    /**
     * A condition on a column of stored ids that holds for the current tenant's streams only, for the queries that
     * read {@code domain_event_entry} themselves (the event store has no row-level security: the chain spans it).
     * The tenant is a validated code, written into the condition.
     */
    public String ofTheCurrentTenant(String column) {
        String tenant = defaultTenant.current();
        if (!TenantCode.isValid(tenant)) {
            throw new IllegalStateException("not a tenant: " + tenant);
        }
        return defaultTenant.is(tenant) ? "strpos(" + column + ", '" + SEPARATOR + "') = 0"
                : "starts_with(" + column + ", '" + tenant + SEPARATOR + "')";
    }
}
