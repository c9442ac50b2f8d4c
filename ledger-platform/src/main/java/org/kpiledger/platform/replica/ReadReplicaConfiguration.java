package org.kpiledger.platform.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code kpi-ledger.read-replica.url} set, a pool of read-only connections to a streaming replica, and the
 * reads the features named ({@link ReplicaReadPaths}) answered from it. The replica's role and password are the
 * primary's unless {@code kpi-ledger.read-replica.username} and {@code .password} say otherwise: a physical replica
 * has the primary's roles.
 */
@AutoConfiguration
@ConditionalOnProperty("kpi-ledger.read-replica.url")
public class ReadReplicaConfiguration {

    /** Wraps the application's data source before anything else does, so that tenants bind replica connections too. */
    @Bean
    static BeanPostProcessor replicaRoutingDataSource(Environment environment) {
        return new ReplicaRouting(environment);
    }

    /**
     * Browser sessions stay on the primary, also when a page the replica answers saves its session while it renders
     * (the response is committed before the page ends, and the session with it). Named so that Spring Session takes
     * it; no default candidate, so that nothing else does.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate sessions = new TransactionTemplate(transactionManager);
        sessions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return ReplicaReads.onPrimary(() -> sessions.execute(action));
            }
        };
    }

    @Bean
    FilterRegistrationBean<ReplicaReadFilter> replicaReadFilter(List<ReplicaReadPaths> paths) {
        var registration = new FilterRegistrationBean<>(new ReplicaReadFilter(
                paths.stream().flatMap(contribution -> contribution.patterns().stream()).toList()));
        // after Spring Security's filters (-100)
        registration.setOrder(0);
        return registration;
    }

    private static final class ReplicaRouting implements BeanPostProcessor, PriorityOrdered {

        private final Environment environment;

        ReplicaRouting(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof DataSource primary) || !"dataSource".equals(name)) {
                return bean;
            }
            HikariDataSource replica = new HikariDataSource();
            replica.setPoolName("read-replica");
            replica.setJdbcUrl(environment.getRequiredProperty("kpi-ledger.read-replica.url"));
            replica.setUsername(environment.getProperty("kpi-ledger.read-replica.username",
                    environment.getProperty("spring.datasource.username")));
            replica.setPassword(environment.getProperty("kpi-ledger.read-replica.password",
                    environment.getProperty("spring.datasource.password")));
            replica.setReadOnly(true);
            replica.setMaximumPoolSize(environment.getProperty("kpi-ledger.read-replica.pool-size", Integer.class,
                    16));
            replica.setConnectionTimeout(environment.getProperty("spring.datasource.hikari.connection-timeout",
                    Long.class, 4000L));
            // connections are opened when the first read asks: the primary's side starts without the replica
            replica.setInitializationFailTimeout(-1);
            return new ReplicaRoutingDataSource(primary, replica);
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }
}
