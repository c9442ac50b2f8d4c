package org.kpiledger.query.period;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.period.DepartmentReviewedEvent;
import org.kpiledger.events.period.DepartmentSubmittedEvent;
import org.kpiledger.events.period.OpinionGivenEvent;
import org.kpiledger.events.period.PeriodPublishedEvent;
import org.kpiledger.events.period.PeriodReopenedEvent;
import org.kpiledger.events.period.ReportingPeriodId;
import org.kpiledger.events.period.ReportingPeriodOpenedEvent;
import org.kpiledger.events.period.ReviewDecision;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the reporting periods, each department's submission and review, the committee's opinions and every
 * publication and reopening in step with the periods' streams. Safe to replay: rows are keyed by what the events
 * name and written as the events say; a reset empties the tables.
 */
@Component
@ProcessingGroup(ReportingPeriodProjection.PROCESSING_GROUP)
class ReportingPeriodProjection {

    static final String PROCESSING_GROUP = "reporting-cycle";

    private final JdbcTemplate jdbc;

    ReportingPeriodProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportingPeriodOpenedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                insert into reporting_period (plan_id, fiscal_year, state, due_date, opened_at, opened_by, position)
                values (?, ?, 'OPEN', ?, ?, ?, ?) on conflict (tenant_id, plan_id, fiscal_year) do nothing""",
                id.planId().value(), id.fiscalYear().year(), event.dueDate(), utc(at), actor, position(message));
    }

    @EventHandler
    void on(DepartmentSubmittedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                insert into reporting_period_department (plan_id, fiscal_year, department, state, kpi_ids,
                    submitted_at, submitted_by, position)
                values (?, ?, ?, 'SUBMITTED', ?, ?, ?, ?)
                on conflict (tenant_id, plan_id, fiscal_year, department) do update set state = 'SUBMITTED',
                    kpi_ids = excluded.kpi_ids, submitted_at = excluded.submitted_at,
                    submitted_by = excluded.submitted_by, reviewed_at = null, reviewed_by = null, comment = null,
                    position = excluded.position
                where reporting_period_department.position < excluded.position""",
                id.planId().value(), id.fiscalYear().year(), event.department().code(), ids(event.kpiIds()),
                utc(at), actor, position(message));
    }

    @EventHandler
    void on(DepartmentReviewedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                update reporting_period_department set state = ?, reviewed_at = ?, reviewed_by = ?, comment = ?,
                    position = ?
                where plan_id = ? and fiscal_year = ? and department = ? and position < ?""",
                event.decision() == ReviewDecision.APPROVE ? "APPROVED" : "RETURNED", utc(at), actor,
                event.comment(), position(message), id.planId().value(), id.fiscalYear().year(),
                event.department().code(), position(message));
    }

    @EventHandler
    void on(OpinionGivenEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                insert into reporting_period_opinion (opinion_id, plan_id, fiscal_year, text, kpi_id, goal, given_at,
                    given_by, position)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, opinion_id) do nothing""",
                event.opinionId(), id.planId().value(), id.fiscalYear().year(), event.text(),
                event.kpiId() == null ? null : event.kpiId().value(), event.goal(), utc(at), actor, position(message));
    }

    @EventHandler
    void on(PeriodPublishedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                update reporting_period set state = 'PUBLISHED', publication_id = ?, published_at = ?, position = ?
                where plan_id = ? and fiscal_year = ? and position < ?""",
                event.publicationId(), utc(at), position(message), id.planId().value(), id.fiscalYear().year(),
                position(message));
        step(id, "PUBLISHED", event.publicationId(), event.title(), null, null, event.kpiIds(), message, at, actor);
    }

    @EventHandler
    void on(PeriodReopenedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId id = event.periodId();
        jdbc.update("""
                update reporting_period set state = 'REOPENED', position = ?
                where plan_id = ? and fiscal_year = ? and position < ?""",
                position(message), id.planId().value(), id.fiscalYear().year(), position(message));
        step(id, "REOPENED", null, null, event.reason(), event.decisionReference(), event.kpiIds(), message, at,
                actor);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table reporting_period, reporting_period_department, reporting_period_opinion, "
                + "reporting_period_step");
    }

    /** A rebuild of one tenant: its rows only, which the replay builds again; the other tenants' stay. */
    @ResetHandler
    void reset(TenantRebuild rebuild) {
        rebuild.deleteRows(jdbc, "reporting_period", "reporting_period_department",
                "reporting_period_opinion", "reporting_period_step");
    }

    private void step(ReportingPeriodId id, String step, String publicationId, String title, String reason,
            String decisionReference, List<KpiId> kpiIds, EventMessage<?> message, Instant at, String actor) {
        jdbc.update("""
                insert into reporting_period_step (position, plan_id, fiscal_year, step, publication_id, title, reason,
                    decision_reference, kpi_ids, taken_at, taken_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, position) do nothing""",
                position(message), id.planId().value(), id.fiscalYear().year(), step, publicationId, title, reason,
                decisionReference, ids(kpiIds), utc(at), actor);
    }

    private Array ids(List<KpiId> kpiIds) {
        String[] values = kpiIds.stream().map(KpiId::value).toArray(String[]::new);
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("text", values));
    }

    private static long position(EventMessage<?> message) {
        return NotifiedEventSource.positionOf(message);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
