package org.kpiledger.platform.commands;

import java.util.Collection;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of the last event of a stream, answered with every write so that a client can ask the query
 * side for a read that includes it ({@code minPosition}). Read after the write's transaction committed: the event
 * store allocates positions when it inserts. The streams are the current tenant's.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;
    private final TenantStreams streams;

    EventPositions(JdbcTemplate jdbc, TenantStreams streams) {
        this.jdbc = jdbc;
        this.streams = streams;
    }

    /** The position of the last event of any of these streams, in one query; 0 when none has an event. */
    public long lastOfAny(Collection<String> aggregateIdentifiers) {
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry "
                + "where aggregate_identifier = any(?)", Long.class,
                (Object) aggregateIdentifiers.stream().map(streams::stored).toArray(String[]::new));
        return last == null ? 0 : last;
    }

    public long lastOf(String aggregateIdentifier) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", Long.class, streams.stored(aggregateIdentifier));
    }
}
