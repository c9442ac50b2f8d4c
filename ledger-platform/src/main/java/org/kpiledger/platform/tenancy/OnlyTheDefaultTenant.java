package org.kpiledger.platform.tenancy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The directory of a deployment built without the tenants feature: it serves its default tenant only. */
record OnlyTheDefaultTenant(DefaultTenant defaultTenant) implements TenantDirectory {

    /** The time zone the migration that brought tenants gives the default tenant. */
    private static final ZoneId TIME_ZONE = ZoneId.of("Asia/Tokyo");

    @Override
    public Optional<Status> status(String tenantId) {
        return defaultTenant.is(tenantId) ? Optional.of(Status.ACTIVE) : Optional.empty();
    }

    @Override
    public List<Served> active() {
        return List.of(new Served(defaultTenant.id(), TIME_ZONE));
    }
}
