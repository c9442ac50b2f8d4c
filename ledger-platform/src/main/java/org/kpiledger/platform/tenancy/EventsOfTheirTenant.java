package org.kpiledger.platform.tenancy;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Handles each event for the tenant it was written for (its {@code tenant} metadata; the default tenant's when it
 * has none): the handler works for that tenant, and the projection's transaction, already open for the whole batch,
 * is set to it ({@code set_config(…, true)}, until the transaction ends) whenever the batch moves on to another
 * tenant's event. Row-level security then keeps each event's rows in its own tenant, whatever the batch mixes. While a
 * replay rebuilds one tenant ({@link TenantRebuild}), the other tenants' events it reads again are not handled.
 */
final class EventsOfTheirTenant implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String TENANT_OF_TRANSACTION = EventsOfTheirTenant.class.getName();

    private final DefaultTenant defaultTenant;
    private final JdbcTemplate jdbc;

    EventsOfTheirTenant(DefaultTenant defaultTenant, JdbcTemplate jdbc) {
        this.defaultTenant = defaultTenant;
        this.jdbc = jdbc;
    }

    static String tenantOf(EventMessage<?> event, DefaultTenant defaultTenant) {
        return event.getMetaData().get(AxonPlatformConfiguration.TENANT) instanceof String tenant
                ? tenant : defaultTenant.id();
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String tenant = tenantOf(unitOfWork.getMessage(), defaultTenant);
        Optional<TenantRebuild> rebuild = ReplayToken.replayContext(unitOfWork.getMessage(), TenantRebuild.class);
        if (rebuild.isPresent() && !rebuild.get().tenantId().equals(tenant)) {
            return null; // replayed to rebuild another tenant: this tenant's rows stay as they were built
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Object before = unitOfWork.root().resources().put(TENANT_OF_TRANSACTION, tenant);
            if (!tenant.equals(before)) {
                jdbc.queryForObject("select set_config('" + TenantBoundDataSource.SETTING + "', ?, true)",
                        String.class, tenant);
            }
        }
        try (CurrentTenant.Scope ignored = CurrentTenant.open(tenant)) {
            return interceptorChain.proceed();
        }
    }
}
