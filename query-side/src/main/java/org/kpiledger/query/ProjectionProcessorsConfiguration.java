package org.kpiledger.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every projection runs in a tracking processor of its own that tails the shared event store, in one segment and
 * one thread: its committed token then says exactly which events its tables hold, which read-your-writes
 * ({@code minPosition}) relies on. On two cores, more segments bought no speed. The pooled streaming processor
 * used before still lost an event that committed late in one CI run of four (the audit feed test), even reading
 * from its own stream; our reading is that its work packages skip an event whose token a token they already
 * delivered "covers", which a gap filled late can produce. The tracking processor has no such step.
 *
 * <p>The processors read the event table each through its own stream, not through the event store's shared
 * in-memory cache: under concurrent writes events commit out of position order, a reader first sees a gap that
 * fills later, and through the shared cache a processor could pass over the event that filled it (observed: the
 * change history lost a KPI's registration while two writers raced).
 */
@org.springframework.context.annotation.Configuration
class ProjectionProcessorsConfiguration {

    @Autowired
    void useTrackingProcessors(EventProcessingConfigurer processing,
                                      ObjectProvider<EventStorageEngine> storageEngine,
                                      @Value("${kpi-ledger.projections.batch-size:200}") int batchSize) {
        processing.configureDefaultStreamableMessageSource(configuration -> EmbeddedEventStore.builder()
                .storageEngine(storageEngine.getObject()).optimizeEventConsumption(false).build());
        processing.usingTrackingEventProcessors();
        processing.registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing().andBatchSize(batchSize).andInitialSegmentsCount(1));
    }
}
