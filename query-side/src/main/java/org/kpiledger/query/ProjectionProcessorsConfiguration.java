package org.kpiledger.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.kpiledger.platform.events.NewEventSignal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every projection runs in a tracking processor of its own that tails the shared event store, in one segment and
 * one thread: its committed token then says exactly which events its tables hold, which read-your-writes
 * ({@code minPosition}) relies on. On two cores, more segments bought no speed.
 *
 * <p>The processors read through {@link NotifiedEventSource}: each its own stream of the event table, woken when
 * events are committed, and each event stamped with its own position. Their transactions commit without waiting
 * for the disk ({@link AsynchronousCommit}).
 */
@org.springframework.context.annotation.Configuration
class ProjectionProcessorsConfiguration {

    @Autowired
    void useTrackingProcessors(EventProcessingConfigurer processing, ObjectProvider<EventStorageEngine> storageEngine,
            NewEventSignal signal, JdbcTemplate jdbc,
            @Value("${kpi-ledger.projections.batch-size:200}") int batchSize) {
        processing.configureDefaultStreamableMessageSource(
                configuration -> new NotifiedEventSource(storageEngine.getObject(), signal, jdbc));
        processing.usingTrackingEventProcessors();
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> new AsynchronousCommit(jdbc));
        processing.registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing().andBatchSize(batchSize).andInitialSegmentsCount(1));
    }
}
