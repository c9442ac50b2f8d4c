package org.kpiledger.query.deadletter;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor of the query side parks an event its projection cannot handle in a dead-letter queue kept
 * in PostgreSQL ({@code dead_letter_entry}), instead of retrying it forever. The queue is sequenced per KPI: the
 * KPI's later events wait behind the parked one, so its order is kept, while every other KPI goes on.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /**
     * The projections whose processors remember which KPIs have no dead letter, instead of asking the queue's table
     * before every event (one query an event, most of a rebuild's statements otherwise). The queue is only written
     * by these processors and the operations API in the same process, which keep that memory right.
     */
    private static final List<String> PROJECTIONS = List.of("kpi-progress", "strategy", "ledger-history");

    /** Replaces Axon's module, which would give a queue only to processors named in properties. */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueForEveryProcessor(EventProcessorProperties properties) {
        return new DeadLetterQueueProviderConfigurerModule(properties, group -> null) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(
                        processingGroup -> configuration -> JpaSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .entityManagerProvider(configuration.getComponent(EntityManagerProvider.class))
                                .transactionManager(configuration.getComponent(TransactionManager.class))
                                .genericSerializer(configuration.serializer())
                                .eventSerializer(configuration.eventSerializer())
                                .build());
                for (String processingGroup : PROJECTIONS) {
                    configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                            processingGroup, (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            }
        };
    }

    @Bean
    SavepointPerEventHandler savepointPerEventHandler(ObjectProvider<DataSource> dataSource) {
        return new SavepointPerEventHandler(dataSource);
    }
}
