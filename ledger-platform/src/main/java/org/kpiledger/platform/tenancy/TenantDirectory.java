package org.kpiledger.platform.tenancy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Where the prefix of a request finds its tenant, and work no request started the tenants it is done for. */
public interface TenantDirectory {

    enum Status { ACTIVE, SUSPENDED }

    /** A tenant this deployment serves, and the time zone its dates are reckoned in. */
    record Served(String tenantId, ZoneId timeZone) {
    }

    /** The tenant's status; empty when the deployment hosts no tenant of that id. */
    Optional<Status> status(String tenantId);

    /** The active tenants, the default one among them. */
    List<Served> active();
}
