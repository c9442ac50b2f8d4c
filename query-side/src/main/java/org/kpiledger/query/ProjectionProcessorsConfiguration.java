package org.kpiledger.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Every projection runs in a pooled streaming processor of its own that tails the shared event store. */
@org.springframework.context.annotation.Configuration
class ProjectionProcessorsConfiguration {

    @Autowired
    void usePooledStreamingProcessors(EventProcessingConfigurer processing,
                                      @Value("${kpi-ledger.projections.batch-size:200}") int batchSize) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder.batchSize(batchSize));
    }
}
