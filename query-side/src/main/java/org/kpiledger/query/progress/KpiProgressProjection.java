package org.kpiledger.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code kpi_progress} in step with the event store. Safe to replay: each KPI row remembers the last event
 * of its stream it applied ({@code version}) and skips any event at or before it; a reset empties the tables first.
 * Writes go straight to PostgreSQL with JDBC, so that a statement that fails fails in its handler, where the
 * dead-letter queue takes the event.
 */
@Component
@ProcessingGroup(KpiProgressProjection.PROCESSING_GROUP)
class KpiProgressProjection {

    static final String PROCESSING_GROUP = "kpi-progress";

    private final JdbcTemplate jdbc;

    KpiProgressProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(KpiRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        var baseline = event.baseline();
        jdbc.update("""
                insert into kpi_progress (kpi_id, name, unit, accumulation, direction, value_kind,
                    baseline_fiscal_year, baseline_value, baseline_qualifier,
                    target_fiscal_year, target_value, target_comparator, version, registered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kpi_id) do nothing""",
                event.kpiId().value(), event.name(), event.unit(), event.accumulation().name(),
                event.direction().name(), event.valueKind().name(), baseline.fiscalYear().year(),
                baseline.isMeasured() ? baseline.value().amount() : null, baseline.qualifier(),
                event.target().fiscalYear().year(), event.target().value().amount(),
                event.target().comparator().name(), sequenceNumber, at(recordedAt), at(recordedAt));
    }

    @EventHandler
    void on(ActualRecordedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        if (advance(event.kpiId(), sequenceNumber, recordedAt)) {
            jdbc.update("""
                    insert into kpi_progress_actual (kpi_id, fiscal_year, value, note, evidence_reference,
                        recorded_at, recorded_by, corrections)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""",
                    event.kpiId().value(), event.fiscalYear().year(), event.value().amount(), event.note(),
                    event.evidenceReference(), at(recordedAt), actor);
        }
    }

    @EventHandler
    void on(ActualCorrectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        if (advance(event.kpiId(), sequenceNumber, recordedAt)) {
            int corrected = jdbc.update("""
                    update kpi_progress_actual
                    set value = ?, corrections = corrections + 1, last_corrected_at = ?, last_corrected_by = ?,
                        last_correction_reason = ?
                    where kpi_id = ? and fiscal_year = ?""",
                    event.correctedValue().amount(), at(recordedAt), actor, event.reason(), event.kpiId().value(),
                    event.fiscalYear().year());
            if (corrected != 1) {
                throw new IllegalStateException("Event " + sequenceNumber + " of KPI " + event.kpiId()
                        + " corrects an actual of " + event.fiscalYear() + " that the read model does not have");
            }
        }
    }

    @EventHandler
    void on(TargetRevisedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        if (advance(event.kpiId(), sequenceNumber, recordedAt)) {
            Target target = event.revisedTarget();
            jdbc.update("""
                    update kpi_progress set target_fiscal_year = ?, target_value = ?, target_comparator = ?
                    where kpi_id = ?""",
                    target.fiscalYear().year(), target.value().amount(), target.comparator().name(),
                    event.kpiId().value());
        }
    }

    @EventHandler
    void on(KpiPlacedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        if (advance(event.kpiId(), sequenceNumber, recordedAt)) {
            KpiPlacement placement = event.placement();
            jdbc.update("update kpi_progress set plan_id = ?, policy_code = ?, measure_number = ? where kpi_id = ?",
                    placement.planId().value(), placement.policyCode(), placement.measureNumber(),
                    event.kpiId().value());
        }
    }

    @EventHandler
    void on(DepartmentAssignedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        if (advance(event.kpiId(), sequenceNumber, recordedAt)) {
            jdbc.update("update kpi_progress set department = ? where kpi_id = ?", event.department().code(),
                    event.kpiId().value());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table kpi_progress cascade");
    }

    /**
     * Moves the KPI's row to this event, unless the row has seen it already (a replay): whether to apply it. An event
     * of a KPI the read model does not know is an error, which parks it as a dead letter.
     */
    private boolean advance(KpiId kpiId, long sequenceNumber, Instant recordedAt) {
        int advanced = jdbc.update("update kpi_progress set version = ?, updated_at = ? where kpi_id = ? and version < ?",
                sequenceNumber, at(recordedAt), kpiId.value(), sequenceNumber);
        if (advanced == 0 && jdbc.queryForList("select 1 from kpi_progress where kpi_id = ?", kpiId.value()).isEmpty()) {
            throw new IllegalStateException(
                    "Event " + sequenceNumber + " of KPI " + kpiId + " arrived before its registration");
        }
        return advanced == 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
