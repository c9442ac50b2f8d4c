package org.kpiledger.platform.tenancy;

import java.util.Optional;

/** Where the prefix of a request finds its tenant: the tenants feature provides it. */
public interface TenantDirectory {

    enum Status { ACTIVE, SUSPENDED }

    /** The tenant's status; empty when the deployment hosts no tenant of that id. */
    Optional<Status> status(String tenantId);
}
