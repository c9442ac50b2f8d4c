package org.kpiledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, from what to what, and why: a KPI's change history, and the ledger-wide audit feed of
 * every event, in position order, paged with a cursor that later writes cannot disturb.
 */
@RestController
@Tag(name = "History", description = "Every change of a KPI, and the audit feed of the whole ledger")
@Transactional(readOnly = true)
class HistoryController {

    private static final int MAX_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionProgress progress;
    private final Clock clock;

    HistoryController(JdbcTemplate jdbc, JsonMapper json, ProjectionProgress progress, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.progress = progress;
        this.clock = clock;
    }

    /** One change: an event of the ledger, flat. {@code from} and {@code to} are the figure, target, owner... before and after. */
    record Change(long position, String subject, String subjectKind, long version, String type, Instant recordedAt,
            String actor, String actorDepartment, String actorRoles, String authMethod, String correlationId,
            Integer fiscalYear, JsonNode from, JsonNode to, String reason, String decisionReference,
            String evidenceReference, String note) {
    }

    record KpiHistory(String kpiId, List<Change> changes) {
    }

    /**
     * A page of the feed. {@code next} is the {@code after} of the following page (absent when this page reached
     * {@code horizon}, the position up to which the feed is complete now; later pages may hold more).
     */
    record Feed(List<Change> changes, Long next, long horizon) {
    }

    @GetMapping("/api/v1/kpis/{kpiId}/history")
    @Operation(summary = "Every change of one KPI, oldest first (AUDITOR)")
    KpiHistory history(@PathVariable KpiId kpiId, @RequestParam(required = false) Long minPosition) {
        progress.await(minPosition, List.of(LedgerHistoryProjection.PROCESSING_GROUP));
        List<Change> changes = jdbc.query("select * from ledger_change where subject = ? and subject_kind = 'KPI' "
                + "order by position", (row, n) -> change(row), kpiId.value());
        if (changes.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemCode.problem(HttpStatus.NOT_FOUND,
                    "KPI_NOT_FOUND", "No KPI " + kpiId + " is registered.", "kpiId"), null);
        }
        return new KpiHistory(kpiId.value(), changes);
    }

    @GetMapping("/api/v1/audit/events")
    @Operation(summary = "The audit feed: every event of the ledger in position order, filtered, a page at a time "
            + "(AUDITOR)")
    Feed feed(@Parameter(description = "Changes recorded after this instant (ISO-8601, or a date: after that day)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Changes recorded up to this instant (ISO-8601, or a date: to the end of that day)")
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) KpiId kpiId,
            @RequestParam(required = false) String type,
            @Parameter(description = "The cursor: the position after which this page begins (next of the last page)")
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "limit is 1 to " + MAX_LIMIT + ".");
        }
        long horizon = progress.historyHorizon();
        StringBuilder sql = new StringBuilder("select * from ledger_change where position > ? and position <= ?");
        List<Object> arguments = new ArrayList<>(List.of(after, horizon));
        AsOf since = AsOf.parse(from, clock.getZone());
        if (!since.isNow()) {
            sql.append(" and recorded_at > ?::timestamptz");
            arguments.add(since.sqlValue());
        }
        AsOf until = AsOf.parse(to, clock.getZone());
        if (!until.isNow()) {
            sql.append(" and recorded_at <= ?::timestamptz");
            arguments.add(until.sqlValue());
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            arguments.add(actor);
        }
        if (kpiId != null) {
            sql.append(" and subject = ? and subject_kind = 'KPI'");
            arguments.add(kpiId.value());
        }
        if (type != null) {
            sql.append(" and type = ?");
            arguments.add(type);
        }
        sql.append(" order by position limit ?");
        arguments.add(limit);
        List<Change> changes = jdbc.query(sql.toString(), (row, n) -> change(row), arguments.toArray());
        Long next = changes.size() == limit ? changes.get(changes.size() - 1).position() : null;
        return new Feed(changes, next, horizon);
    }

    private Change change(ResultSet row) throws SQLException {
        return new Change(row.getLong("position"), row.getString("subject"), row.getString("subject_kind"),
                row.getLong("version"), row.getString("type"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
                row.getString("actor_department"), row.getString("actor_roles"), row.getString("auth_method"),
                row.getString("correlation_id"), (Integer) row.getObject("fiscal_year"), node(row, "from_value"),
                node(row, "to_value"), row.getString("reason"), row.getString("decision_reference"),
                row.getString("evidence_reference"), row.getString("note"));
    }

    private JsonNode node(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : json.readTree(value);
    }
}
