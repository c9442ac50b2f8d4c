package org.kpiledger.platform.tenancy;

/**
 * The tenant of the unprefixed URLs, of work no request started, and of every row stored before tenants existed
 * ({@code kpi-ledger.tenancy.default-tenant}, Shinagawa's {@code 131091} unless configured before the first start).
 */
public record DefaultTenant(String id) {

    public DefaultTenant {
        if (!TenantCode.isValid(id)) {
            throw new IllegalStateException("kpi-ledger.tenancy.default-tenant must be a 全国地方公共団体コード: six digits, "
                    + "the last checking the first five; '" + id + "' is not.");
        }
    }

    public boolean is(String tenantId) {
        return id.equals(tenantId);
    }

    /** The tenant the current thread works for. */
    public String current() {
        return CurrentTenant.id().orElse(id);
    }
}
