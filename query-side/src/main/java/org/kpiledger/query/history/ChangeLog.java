package org.kpiledger.query.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, from what to what, and why, as the change history holds it: one KPI's changes, and the
 * ledger-wide feed in position order up to the horizon below which nothing can appear any more.
 */
@Component
@Transactional(readOnly = true)
public class ChangeLog {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionProgress progress;
    private final Clock clock;

    ChangeLog(JdbcTemplate jdbc, JsonMapper json, ProjectionProgress progress, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.progress = progress;
        this.clock = clock;
    }

    /** One change: an event of the ledger, flat. {@code from} and {@code to} are the figure, target, owner... before and after. */
    public record Change(long position, String subject, String subjectKind, long version, String type,
            Instant recordedAt, String actor, String actorDepartment, String actorRoles, String authMethod,
            String correlationId, Integer fiscalYear, JsonNode from, JsonNode to, String reason,
            String decisionReference, String evidenceReference, String note) {
    }

    /**
     * A page of the feed. {@code next} is the {@code after} of the following page (absent when this page reached
     * {@code horizon}, the position up to which the feed is complete now; later pages may hold more).
     */
    public record Feed(List<Change> changes, Long next, long horizon) {
    }

    /** The filters of the feed; each null asks nothing. */
    public record FeedFilter(String from, String to, String actor, String kpiId, String type) {
    }

    /** Every change of one KPI recorded up to an instant, oldest first. */
    public List<Change> ofKpi(String kpiId, AsOf asOf) {
        return jdbc.query("select * from ledger_change where subject = ? and subject_kind = 'KPI' "
                + "and recorded_at <= ?::timestamptz order by position",
                (row, n) -> change(row), kpiId, asOf.sqlValue());
    }

    public Feed feed(FeedFilter filter, long after, int limit) {
        long horizon = progress.historyHorizon();
        StringBuilder sql = new StringBuilder("select * from ledger_change where position > ? and position <= ?");
        List<Object> arguments = new ArrayList<>(List.of(after, horizon));
        AsOf since = AsOf.parse(filter.from(), clock.getZone());
        if (!since.isNow()) {
            sql.append(" and recorded_at > ?::timestamptz");
            arguments.add(since.sqlValue());
        }
        AsOf until = AsOf.parse(filter.to(), clock.getZone());
        if (!until.isNow()) {
            sql.append(" and recorded_at <= ?::timestamptz");
            arguments.add(until.sqlValue());
        }
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            arguments.add(filter.actor());
        }
        if (filter.kpiId() != null) {
            sql.append(" and subject = ? and subject_kind = 'KPI'");
            arguments.add(filter.kpiId());
        }
        if (filter.type() != null) {
            sql.append(" and type = ?");
            arguments.add(filter.type());
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
