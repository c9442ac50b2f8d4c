package org.kpiledger.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kpiledger.platform.tenancy.TenantDirectory;
import org.kpiledger.platform.web.LedgerText;

/** Request bodies of the tenants API. The first administrator's password is never answered, logged or stored. */
final class TenantRequests {

    private TenantRequests() {
    }

    record NewTenant(
            @NotBlank @LedgerText String tenantId,
            @NotBlank @LedgerText @Size(max = 100) String name,
            @NotBlank @LedgerText @Size(max = 64) String timeZone,
            @NotBlank @LedgerText String adminPassword) {
    }

    record NewStatus(@NotNull TenantDirectory.Status status) {
    }
}
