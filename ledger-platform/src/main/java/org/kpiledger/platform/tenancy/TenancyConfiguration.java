package org.kpiledger.platform.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.web.http.DefaultCookieSerializer;
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

    /**
     * Every command names the tenant it was issued for, the request's or, for work no request started, the default
     * tenant; the correlation data copy it into each event the command causes. Set here, after any metadata a caller
     * gave, so no caller names a tenant it does not work for.
     */
    @Bean
    SmartInitializingSingleton commandsNameTheirTenant(ObjectProvider<CommandBus> commandBus,
            DefaultTenant defaultTenant) {
        MessageDispatchInterceptor<CommandMessage<?>> tenantOfTheCaller = commands -> (index, command) ->
                command.andMetaData(Map.of(AxonPlatformConfiguration.TENANT, defaultTenant.current()));
        return () -> commandBus.ifUnique(bus -> bus.registerDispatchInterceptor(tenantOfTheCaller));
    }

    /** Every event processor handles each event for the tenant it was written for: {@link EventsOfTheirTenant}. */
    @Bean
    ConfigurerModule eventsHandledForTheirTenant(DefaultTenant defaultTenant, ObjectProvider<JdbcTemplate> jdbc) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new EventsOfTheirTenant(defaultTenant, jdbc.getObject()));
    }

    @Bean
    TenantStreams tenantStreams(DefaultTenant defaultTenant) {
        return new TenantStreams(defaultTenant);
    }

    @Bean(TenantStreamLocks.BEAN)
    TenantStreamLocks tenantStreamLocks(TenantStreams streams) {
        return new TenantStreamLocks(streams);
    }

    /**
     * Keeps each tenant's streams under its own ids in the event store ({@link TenantStreamsStorageEngine}): the
     * outermost wrapper of the storage engine; a wrapper post-processed after it goes inside it.
     */
    @Bean
    static BeanPostProcessor tenantStreamsStorage(ObjectProvider<TenantStreams> streams,
            ObjectProvider<DefaultTenant> defaultTenant) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof EventStorageEngine storage && !(bean instanceof TenantStreamsStorageEngine)
                        ? new TenantStreamsStorageEngine(storage, streams.getObject(), defaultTenant.getObject())
                        : bean;
            }
        };
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

    /**
     * The session cookie as {@code server.servlet.session.cookie.*} configures it, named per tenant; its path is the
     * context path the prefix filter presents ({@code /t/{tenantId}}), so a configured path is not taken.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    TenantSessionCookies tenantSessionCookies(DefaultTenant defaultTenant, ServerProperties server) {
        Cookie configured = server.getServlet().getSession().getCookie();
        return new TenantSessionCookies(defaultTenant, configured.getName() != null ? configured.getName() : "SESSION",
                name -> {
                    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
                    serializer.setCookieName(name);
                    PropertyMapper map = PropertyMapper.get();
                    map.from(configured::getDomain).to(serializer::setDomainName);
                    map.from(configured::getHttpOnly).to(serializer::setUseHttpOnlyCookie);
                    map.from(configured::getSecure).to(serializer::setUseSecureCookie);
                    map.from(configured::getMaxAge).as(Duration::toSeconds).as(Math::toIntExact)
                            .to(serializer::setCookieMaxAge);
                    map.from(configured::getSameSite).as(Cookie.SameSite::attributeValue).to(serializer::setSameSite);
                    map.from(configured::getPartitioned).to(serializer::setPartitioned);
                    return serializer;
                });
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
        TenantDirectory tenants = directory.getIfAvailable(() -> new OnlyTheDefaultTenant(defaultTenant));
        var registration = new FilterRegistrationBean<>(new TenantPathFilter(tenants, defaultTenant.id(),
                scopedPaths.stream().flatMap(paths -> paths.servedPerTenant().stream()).toList(),
                new ProblemResponses(jsonMapper)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
