package org.kpiledger.tenants;

class DefaultTenantStaysActiveException extends RuntimeException {

    DefaultTenantStaysActiveException() {
        super("The default tenant holds the deployment's operators and cannot be suspended.");
    }
}
