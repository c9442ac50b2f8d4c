package org.kpiledger.query.progress;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The kpi-progress projection runs in a pooled streaming processor that tails the shared event store. */
@org.springframework.context.annotation.Configuration
class KpiProgressProcessorConfiguration {

    @Autowired
    void registerProcessor(EventProcessingConfigurer processing,
                           @Value("${kpi-ledger.projections.batch-size:200}") int batchSize) {
        processing.registerPooledStreamingEventProcessor(KpiProgressProjection.PROCESSING_GROUP,
                Configuration::eventStore, (configuration, builder) -> builder.batchSize(batchSize));
    }
}
