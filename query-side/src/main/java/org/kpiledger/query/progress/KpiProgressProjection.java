package org.kpiledger.query.progress;

import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code kpi_progress} in step with the event store. Safe to replay: each KPI row remembers the last event
 * of its stream it applied and skips any event at or before it; a reset empties the tables first.
 */
@Component
@ProcessingGroup(KpiProgressProjection.PROCESSING_GROUP)
class KpiProgressProjection {

    static final String PROCESSING_GROUP = "kpi-progress";

    private final KpiProgressRepository repository;

    KpiProgressProjection(KpiProgressRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(KpiRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        if (!repository.existsById(event.kpiId().value())) {
            repository.save(new KpiProgress(event, sequenceNumber, recordedAt));
        }
    }

    @EventHandler
    void on(ActualRecordedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        apply(event.kpiId(), sequenceNumber, recordedAt, kpi -> kpi.recordActual(event.fiscalYear().year(),
                new ActualFigure(event.value().amount(), event.note(), event.evidenceReference(), recordedAt, actor)));
    }

    @EventHandler
    void on(ActualCorrectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        apply(event.kpiId(), sequenceNumber, recordedAt, kpi -> kpi.actual(event.fiscalYear().year())
                .correct(event.correctedValue().amount(), event.reason(), recordedAt, actor));
    }

    @EventHandler
    void on(TargetRevisedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        apply(event.kpiId(), sequenceNumber, recordedAt, kpi -> kpi.reviseTarget(event.revisedTarget()));
    }

    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
    }

    private void apply(KpiId kpiId, long sequenceNumber, Instant recordedAt, Consumer<KpiProgress> change) {
        KpiProgress kpi = repository.findById(kpiId.value()).orElseThrow(() -> new IllegalStateException(
                "Event " + sequenceNumber + " of KPI " + kpiId + " arrived before its registration"));
        if (!kpi.hasApplied(sequenceNumber)) {
            change.accept(kpi);
            kpi.appliedUpTo(sequenceNumber, recordedAt);
        }
    }
}
