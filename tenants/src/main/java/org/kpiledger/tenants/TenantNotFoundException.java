package org.kpiledger.tenants;

class TenantNotFoundException extends RuntimeException {

    TenantNotFoundException(String tenantId) {
        super("This deployment hosts no tenant '" + tenantId + "'.");
    }
}
