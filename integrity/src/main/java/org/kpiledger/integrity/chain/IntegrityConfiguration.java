package org.kpiledger.integrity.chain;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
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

    @Bean
    @ConditionalOnProperty(name = HASH_CHAIN, havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor hashChainingStorage(ObjectProvider<EntityManagerProvider> entityManagers) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventStorageEngine storage && !(bean instanceof HashChainingStorageEngine)) {
                    return new HashChainingStorageEngine(storage, entityManagers.getObject());
                }
                return bean;
            }
        };
    }
}
