package org.kpiledger.platform.tenancy;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.kpiledger.platform.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants in every process: the prefix filter, first of all filters (the session cookie's path and every link take
 * the tenant's prefix from it), and the data source whose connections carry the request's tenant.
 */
@AutoConfiguration
public class TenancyConfiguration {

    static final String DEFAULT_TENANT = "kpi-ledger.tenancy.default-tenant";

    @Bean
    DefaultTenant defaultTenant(Environment environment) {
        return new DefaultTenant(environment.getRequiredProperty(DEFAULT_TENANT));
    }

    /** Wraps the application's data source; the group-commit appender's own pool stays outside tenants. */
    @Bean
    static BeanPostProcessor tenantBoundDataSource(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource pool && !(bean instanceof TenantBoundDataSource)
                        && "dataSource".equals(name)
                        ? new TenantBoundDataSource(pool, environment.getRequiredProperty(DEFAULT_TENANT))
                        : bean;
            }
        };
    }

    /** The infrastructure every tenant's users need: sign-in, errors, static files, health. */
    @Bean
    TenantScopedPaths platformPathsPerTenant() {
        return () -> List.of("/login", "/logout", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                "/actuator/health", "/actuator/health/**");
    }

    @Bean
    FilterRegistrationBean<TenantPathFilter> tenantPathFilter(ObjectProvider<TenantDirectory> directory,
            DefaultTenant defaultTenant, List<TenantScopedPaths> scopedPaths, JsonMapper jsonMapper) {
        TenantDirectory tenants = directory.getIfAvailable(() -> tenantId -> defaultTenant.is(tenantId)
                ? Optional.of(TenantDirectory.Status.ACTIVE) : Optional.empty());
        var registration = new FilterRegistrationBean<>(new TenantPathFilter(tenants, defaultTenant.id(),
                scopedPaths.stream().flatMap(paths -> paths.patterns().stream()).toList(),
                new ProblemResponses(jsonMapper)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
