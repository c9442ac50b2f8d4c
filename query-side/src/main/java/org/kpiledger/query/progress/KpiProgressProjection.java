package org.kpiledger.query.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.serialization.UnknownSerializedType;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.FigureDeclaredLateEvent;
import org.kpiledger.events.kpi.FigureStep;
import org.kpiledger.events.kpi.FigureStepTakenEvent;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiRetiredEvent;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the temporal KPI tables in step with the event store: every event of a KPI closes the KPI's current row at
 * the event's recording time and adds the next version, valid from then on; an actual's record and corrections do
 * the same for that fiscal year's row. Nothing is updated in place but the end of a validity range, so the state
 * as of any instant stays answerable. Safe to replay: a version the table has already is skipped; a reset empties
 * the tables first. Writes go straight to PostgreSQL with JDBC, so that a statement that fails fails in its
 * handler, where the dead-letter queue takes the event.
 */
@Component
@ProcessingGroup(KpiProgressProjection.PROCESSING_GROUP)
class KpiProgressProjection {

    static final String PROCESSING_GROUP = "kpi-progress";

    /** The columns a KPI version copies from the previous one unless the event changes them. */
    private static final List<String> CARRIED = List.of("registered_at", "name", "unit", "accumulation", "direction",
            "value_kind", "baseline_fiscal_year", "baseline_value", "baseline_qualifier", "target_fiscal_year",
            "target_value", "target_comparator", "plan_id", "policy_code", "measure_number", "department", "code",
            "continues_kpi_id", "lineage", "retired_last_year", "retirement_reason", "retirement_decision");

    private final JdbcTemplate jdbc;

    KpiProgressProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of a KPI, each type to its own case: a new type of KPI event does not compile until handled. */
    @EventHandler
    void on(KpiEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            EventMessage<?> message, @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        long position = position(message);
        event.match(new KpiEvent.Cases<Void>() {
            @Override
            public Void registered(KpiRegisteredEvent registered) {
                register(registered, sequenceNumber, recordedAt, position);
                return null;
            }

            @Override
            public Void actualRecorded(ActualRecordedEvent recorded) {
                recordActual(recorded, sequenceNumber, recordedAt, position, actor);
                return null;
            }

            @Override
            public Void actualCorrected(ActualCorrectedEvent corrected) {
                correctActual(corrected, sequenceNumber, recordedAt, position, actor);
                return null;
            }

            @Override
            public Void targetRevised(TargetRevisedEvent revised) {
                Target target = revised.revisedTarget();
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("target_fiscal_year", target.fiscalYear().year());
                changes.put("target_value", target.value().amount());
                changes.put("target_comparator", target.comparator().name());
                nextVersion(revised.kpiId(), sequenceNumber, position, recordedAt, changes);
                return null;
            }

            @Override
            public Void placed(KpiPlacedEvent placed) {
                KpiPlacement placement = placed.placement();
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("plan_id", placement.planId().value());
                changes.put("policy_code", placement.policyCode());
                changes.put("measure_number", placement.measureNumber());
                nextVersion(placed.kpiId(), sequenceNumber, position, recordedAt, changes);
                return null;
            }

            @Override
            public Void departmentAssigned(DepartmentAssignedEvent assigned) {
                nextVersion(assigned.kpiId(), sequenceNumber, position, recordedAt,
                        Map.of("department", assigned.department().code()));
                return null;
            }

            @Override
            public Void figureStepTaken(FigureStepTakenEvent step) {
                if (nextVersion(step.kpiId(), sequenceNumber, position, recordedAt, Map.of())) {
                    FigureCycleRow current = currentCycle(step.kpiId(), step.fiscalYear().year());
                    boolean published = step.step() == FigureStep.PUBLISHED;
                    nextCycle(step.kpiId(), step.fiscalYear().year(), position, recordedAt, new FigureCycleRow(
                            step.step().status().name(),
                            published ? (step.value() == null ? null : step.value().amount()) : current.published(),
                            published ? step.publicationId() : current.publicationId(), current.lateReason(),
                            current.lateExpectedBy()));
                }
                return null;
            }

            @Override
            public Void figureDeclaredLate(FigureDeclaredLateEvent declaration) {
                if (nextVersion(declaration.kpiId(), sequenceNumber, position, recordedAt, Map.of())) {
                    FigureCycleRow current = currentCycle(declaration.kpiId(), declaration.fiscalYear().year());
                    nextCycle(declaration.kpiId(), declaration.fiscalYear().year(), position, recordedAt,
                            new FigureCycleRow(current.status(), current.published(), current.publicationId(),
                                    declaration.reason(), declaration.expectedBy()));
                }
                return null;
            }

            @Override
            public Void retired(KpiRetiredEvent retired) {
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("retired_last_year", retired.lastFiscalYear().year());
                changes.put("retirement_reason", retired.reason());
                changes.put("retirement_decision", retired.decisionReference());
                nextVersion(retired.kpiId(), sequenceNumber, position, recordedAt, changes);
                return null;
            }
        });
    }

    private void register(KpiRegisteredEvent event, long sequenceNumber, Instant recordedAt, long position) {
        var baseline = event.baseline();
        jdbc.update("""
                insert into kpi_version (kpi_id, version, position, valid, recorded_at, registered_at, name, unit,
                    accumulation, direction, value_kind, baseline_fiscal_year, baseline_value, baseline_qualifier,
                    target_fiscal_year, target_value, target_comparator, code, continues_kpi_id, lineage)
                values (?, ?, ?, tstzrange(?, null, '[)'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, kpi_id, version) do nothing""",
                event.kpiId().value(), sequenceNumber, position, at(recordedAt), at(recordedAt),
                at(recordedAt), event.name(), event.unit(), event.accumulation().name(), event.direction().name(),
                event.valueKind().name(), baseline.fiscalYear().year(),
                baseline.isMeasured() ? baseline.value().amount() : null, baseline.qualifier(),
                event.target().fiscalYear().year(), event.target().value().amount(),
                event.target().comparator().name(), event.code(),
                event.lineage() == null ? null : event.lineage().predecessor().value(),
                event.lineage() == null ? null : event.lineage().kind().name());
    }

    private void recordActual(ActualRecordedEvent event, long sequenceNumber, Instant recordedAt, long position,
            String actor) {
        if (nextVersion(event.kpiId(), sequenceNumber, position, recordedAt, Map.of())) {
            jdbc.update("""
                    insert into kpi_actual_version (kpi_id, fiscal_year, version, position, valid, value, note,
                        evidence_reference, recorded_at, recorded_by, corrections)
                    values (?, ?, ?, ?, tstzrange(?, null, '[)'), ?, ?, ?, ?, ?, 0)""",
                    event.kpiId().value(), event.fiscalYear().year(), sequenceNumber, position,
                    at(recordedAt), event.value().amount(), event.note(), event.evidenceReference(), at(recordedAt),
                    actor);
            FigureCycleRow cycle = currentCycle(event.kpiId(), event.fiscalYear().year());
            if (cycle.lateReason() != null) {
                nextCycle(event.kpiId(), event.fiscalYear().year(), position, recordedAt, new FigureCycleRow(
                        cycle.status(), cycle.published(), cycle.publicationId(), null, null));
            }
        }
    }

    private void correctActual(ActualCorrectedEvent event, long sequenceNumber, Instant recordedAt, long position,
            String actor) {
        if (nextVersion(event.kpiId(), sequenceNumber, position, recordedAt, Map.of())) {
            int corrected = jdbc.update("""
                    with previous as (
                        update kpi_actual_version set valid = tstzrange(lower(valid), greatest(lower(valid), ?), '[)')
                        where kpi_id = ? and fiscal_year = ? and upper_inf(valid)
                        returning *)
                    insert into kpi_actual_version (kpi_id, fiscal_year, version, position, valid, value, note,
                        evidence_reference, recorded_at, recorded_by, corrections, last_corrected_at,
                        last_corrected_by, last_correction_reason)
                    select kpi_id, fiscal_year, ?, ?, tstzrange(greatest(lower(valid), ?), null, '[)'), ?, note,
                        evidence_reference, recorded_at, recorded_by, corrections + 1, ?, ?, ?
                    from previous""",
                    at(recordedAt), event.kpiId().value(), event.fiscalYear().year(), sequenceNumber, position,
                    at(recordedAt), event.correctedValue().amount(), at(recordedAt), actor, event.reason());
            if (corrected != 1) {
                throw new IllegalStateException("Event " + sequenceNumber + " of KPI " + event.kpiId()
                        + " corrects an actual of " + event.fiscalYear() + " that the read model does not have");
            }
        }
    }

    /** A year's place in the reporting cycle: what one version of {@code kpi_figure_cycle} holds. */
    private record FigureCycleRow(String status, BigDecimal published, String publicationId, String lateReason,
                                  LocalDate lateExpectedBy) {

        static final FigureCycleRow UNTOUCHED = new FigureCycleRow("RECORDED", null, null, null, null);
    }

    private FigureCycleRow currentCycle(KpiId kpiId, int fiscalYear) {
        return jdbc.query("select status, published_value, publication_id, late_reason, late_expected_by "
                        + "from kpi_figure_cycle where kpi_id = ? and fiscal_year = ? and upper_inf(valid)",
                (row, n) -> new FigureCycleRow(row.getString(1), row.getBigDecimal(2), row.getString(3),
                        row.getString(4), row.getObject(5, LocalDate.class)), kpiId.value(), fiscalYear)
                .stream().findFirst().orElse(FigureCycleRow.UNTOUCHED);
    }

    /** Ends the year's current cycle version at this event's recording time and adds the next one from then on. */
    private void nextCycle(KpiId kpiId, int fiscalYear, long position, Instant recordedAt, FigureCycleRow next) {
        jdbc.update("update kpi_figure_cycle set valid = tstzrange(lower(valid), greatest(lower(valid), ?), '[)') "
                + "where kpi_id = ? and fiscal_year = ? and upper_inf(valid)", at(recordedAt), kpiId.value(),
                fiscalYear);
        jdbc.update("insert into kpi_figure_cycle (kpi_id, fiscal_year, position, valid, status, published_value, "
                + "publication_id, late_reason, late_expected_by) values (?, ?, ?, tstzrange(?, null, '[)'), ?, ?, ?, "
                + "?, ?)", kpiId.value(), fiscalYear, position, at(recordedAt), next.status(), next.published(),
                next.publicationId(), next.lateReason(), next.lateExpectedBy());
    }

    /** An event this release cannot read is parked in the dead-letter queue, its stream's later events behind it. */
    @EventHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table kpi_version, kpi_actual_version, kpi_figure_cycle");
    }

    /** A rebuild of one tenant: its rows only, which the replay builds again; the other tenants' stay. */
    @ResetHandler
    void reset(TenantRebuild rebuild) {
        rebuild.deleteRows(jdbc, "kpi_version", "kpi_actual_version", "kpi_figure_cycle");
    }

    /**
     * Ends the KPI's current version at this event's recording time and adds the next one, the same but for the
     * given columns: whether it was added. A version the table has already (a replay) adds nothing; an event of a
     * KPI the read model does not know is an error, which parks it as a dead letter.
     */
    private boolean nextVersion(KpiId kpiId, long version, long position, Instant recordedAt,
            Map<String, Object> changes) {
        List<Object> arguments = new ArrayList<>(List.of(at(recordedAt), kpiId.value(), version, version, position,
                at(recordedAt), at(recordedAt)));
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String column : CARRIED) {
            columns.append(", ").append(column);
            if (changes.containsKey(column)) {
                values.append(", ?");
                arguments.add(changes.get(column));
            } else {
                values.append(", ").append(column);
            }
        }
        int added = jdbc.update("""
                with previous as (
                    update kpi_version set valid = tstzrange(lower(valid), greatest(lower(valid), ?), '[)')
                    where kpi_id = ? and upper_inf(valid) and version < ?
                    returning *)
                insert into kpi_version (kpi_id, version, position, valid, recorded_at%s)
                select kpi_id, ?, ?, tstzrange(greatest(lower(valid), ?), null, '[)'), ?%s from previous"""
                .formatted(columns, values), arguments.toArray());
        if (added == 0 && jdbc.queryForList("select 1 from kpi_version where kpi_id = ? limit 1", kpiId.value())
                .isEmpty()) {
            throw new IllegalStateException("Event " + version + " of KPI " + kpiId + " arrived before its registration");
        }
        return added == 1;
    }

    static long position(EventMessage<?> message) {
        return NotifiedEventSource.positionOf(message);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
