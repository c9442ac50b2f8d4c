package org.kpiledger.query.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two instants: the ledger's KPI views as of each, compared field by field, with the events
 * recorded in between that caused the differences.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ChangeComparison {

    private static final String INSTANT = "An ISO-8601 instant with its offset, or a date (the end of that day in the "
            + "ledger's time zone)";
    /** Bookkeeping, not content: they change with every event and say nothing a reader compares. */
    private static final Set<String> NOT_COMPARED = Set.of("kpiId", "version", "updatedAt", "asOf", "position",
            "latestActual");
    private static final Set<String> ACTUAL_FIELDS = Set.of("value", "note", "evidenceReference");

    private final KpiProgressReader reader;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ChangeComparison(KpiProgressReader reader, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    public record KpiChange(String kpiId, String name, List<FieldChange> fields, List<Long> positions) {
    }

    public record Changes(Instant from, Instant to, List<KpiChange> changes) {
    }

    /** The KPIs whose view differs between {@code from} and {@code to} (absent: now), field by field. */
    public Changes between(String from, String to) {
        AsOf since = AsOf.parse(from, clock.getZone());
        AsOf until = AsOf.parse(to, clock.getZone());
        if (since.isNow()) {
            throw new InvalidFieldException("from", "from is required: " + INSTANT + ".");
        }
        Instant end = until.isNow() ? clock.instant() : until.instant();
        if (!since.instant().isBefore(end)) {
            throw new InvalidFieldException("to", "to must come after from.");
        }
        Map<String, KpiProgressView> before = byId(reader.all(since).kpis());
        Map<String, List<Long>> positionsBySubject = positionsBySubject(since.instant(), end);
        List<KpiChange> changes = new ArrayList<>();
        for (KpiProgressView after : reader.all(new AsOf(end)).kpis()) {
            Map<String, JsonNode> old = flat(before.get(after.kpiId()));
            Map<String, JsonNode> now = flat(after);
            Set<String> fields = new LinkedHashSet<>(old.keySet());
            fields.addAll(now.keySet());
            List<FieldChange> differing = fields.stream()
                    .filter(field -> !Objects.equals(old.get(field), now.get(field)))
                    .map(field -> new FieldChange(field, old.get(field), now.get(field)))
                    .toList();
            if (!differing.isEmpty()) {
                changes.add(new KpiChange(after.kpiId(), after.name(), differing,
                        positions(after, positionsBySubject)));
            }
        }
        return new Changes(since.instant(), until.instant(), changes);
    }

    private static Map<String, KpiProgressView> byId(List<KpiProgressView> kpis) {
        Map<String, KpiProgressView> byId = new HashMap<>();
        kpis.forEach(kpi -> byId.put(kpi.kpiId(), kpi));
        return byId;
    }

    /** The view as dotted fields ({@code target.value}, {@code actuals.2016.value}), without names of people. */
    private Map<String, JsonNode> flat(KpiProgressView view) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (view == null) {
            return fields;
        }
        ObjectNode tree = json.valueToTree(view.withoutActors());
        NOT_COMPARED.forEach(tree::remove);
        JsonNode actuals = tree.remove("actuals");
        flatten("", tree, fields);
        for (JsonNode actual : actuals) {
            String prefix = "actuals." + actual.path("fiscalYear").asInt() + ".";
            ACTUAL_FIELDS.forEach(field -> {
                if (!actual.path(field).isNull() && !actual.path(field).isMissingNode()) {
                    fields.put(prefix + field, actual.get(field));
                }
            });
        }
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flatten(prefix + entry.getKey() + ".", entry.getValue(), fields);
            }
        } else if (!node.isNull()) {
            fields.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    /**
     * The positions of the events recorded after {@code from} and up to {@code to}, by subject ({@code KPI/1-1-1-01},
     * {@code STRATEGY/shinagawa-2015}), in order: one query, whatever the number of KPIs that changed.
     */
    private Map<String, List<Long>> positionsBySubject(Instant from, Instant to) {
        Map<String, List<Long>> positions = new HashMap<>();
        jdbc.query("""
                select subject_kind, subject, position from ledger_change
                where recorded_at > ?::timestamptz and recorded_at <= ?::timestamptz
                order by position""", row -> {
                    positions.computeIfAbsent(row.getString(1) + "/" + row.getString(2), key -> new ArrayList<>())
                            .add(row.getLong(3));
                }, new AsOf(from).sqlValue(), new AsOf(to).sqlValue());
        return positions;
    }

    /** The KPI's events, and its plan's, in position order. */
    private static List<Long> positions(KpiProgressView kpi, Map<String, List<Long>> positionsBySubject) {
        List<Long> positions = new ArrayList<>(positionsBySubject.getOrDefault("KPI/" + kpi.kpiId(), List.of()));
        if (kpi.strategy() != null) {
            positions.addAll(positionsBySubject.getOrDefault("STRATEGY/" + kpi.strategy().planId(), List.of()));
        }
        positions.sort(null);
        return positions;
    }
}
