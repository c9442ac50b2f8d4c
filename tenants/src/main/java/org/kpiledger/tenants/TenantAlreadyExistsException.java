package org.kpiledger.tenants;

class TenantAlreadyExistsException extends RuntimeException {

    TenantAlreadyExistsException(String tenantId) {
        super("The deployment hosts the tenant " + tenantId + " already.");
    }
}
