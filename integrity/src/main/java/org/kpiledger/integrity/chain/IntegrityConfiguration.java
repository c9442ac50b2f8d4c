package org.kpiledger.integrity.chain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantStreamsStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Every event the ledger stores is hash-chained: see {@link HashChainingStorageEngine}. {@value #HASH_CHAIN} =
 * {@code false} switches that off, for the benchmark's figure of what the chain costs; a ledger run so stores
 * unchained events, which every later verification reports as inserted behind its back.
 */
@AutoConfiguration
public class IntegrityConfiguration {

    public static final String HASH_CHAIN = "kpi-ledger.integrity.hash-chain";

    /**
     * At most this many events are stored in one transaction of the appender; an append larger than that (a bulk) is
     * stored alone.
     */
    public static final String APPEND_BATCH_EVENTS = "kpi-ledger.integrity.append-batch-events";

    @Bean
    @ConditionalOnProperty(name = HASH_CHAIN, havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor hashChainingStorage(ObjectProvider<GroupCommitAppender> appender) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TenantStreamsStorageEngine tenants) {
                    // the chain hashes the id an event is stored under: it goes inside the tenants' wrapper
                    return tenants.storage() instanceof HashChainingStorageEngine ? bean
                            : tenants.around(storage -> new HashChainingStorageEngine(storage, appender.getObject()));
                }
                if (bean instanceof EventStorageEngine storage && !(bean instanceof HashChainingStorageEngine)) {
                    return new HashChainingStorageEngine(storage, appender.getObject());
                }
                return bean;
            }
        };
    }

    /**
     * The appender, on a connection of its own: a command holds a connection of the shared pool while it waits for
     * the appender, so an appender taking its connection from that pool would wait behind them once every connection
     * is held by a waiting command.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = HASH_CHAIN, havingValue = "true", matchIfMissing = true)
    GroupCommitAppender groupCommitAppender(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
            DefaultTenant defaultTenant, @Value("${" + APPEND_BATCH_EVENTS + ":5000}") int maxBatchEvents) throws SQLException {
        HikariConfig own = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(own);
        own.setPoolName("kpi-ledger-appender");
        own.setMaximumPoolSize(1);
        own.setMinimumIdle(0); // a process that never appends (a query side alone) holds no connection for it
        return new GroupCommitAppender(new HikariDataSource(own), serializer, defaultTenant.id(), maxBatchEvents);
    }
}
