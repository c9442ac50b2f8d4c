package org.kpiledger.platform.tenancy;

import java.util.Optional;

/**
 * The tenant the current thread works for: set for a request by {@link TenantPathFilter}, and around work done on
 * a tenant's behalf; unset, the deployment's default tenant.
 */
public final class CurrentTenant {

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private CurrentTenant() {
    }

    /** The tenant set for this thread; empty where none is, which means the default tenant. */
    public static Optional<String> id() {
        return Optional.ofNullable(TENANT.get());
    }

    /**
     * Works for the tenant (the default one for null) until the scope is closed, then for whichever tenant was set
     * before.
     */
    public static Scope open(String tenantId) {
        String before = TENANT.get();
        TENANT.set(tenantId);
        return () -> {
            if (before == null) {
                TENANT.remove();
            } else {
                TENANT.set(before);
            }
        };
    }

    /** The time the thread works for one tenant. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
