package org.kpiledger.query.temporal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.platform.replica.ReplicaReads;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the projections have got, as a reader can see it.
 *
 * <p>Read your writes: a read with {@code minPosition} (the {@code position} a write answered) waits until the
 * projections it reads from have handled every event up to it, as their committed tracking tokens say, for at most
 * {@code kpi-ledger.min-position-wait} (5 s), then answers 503 {@code PROJECTION_BEHIND}; a position beyond the
 * stored head, which no write answered, is refused at once (400 {@code POSITION_AHEAD}).
 *
 * <p>The audit feed pages in position order up to a horizon below which nothing can appear any more.
 */
@Component
public class ProjectionProgress {

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final Clock clock;
    private final Duration patience;
    private final Duration gapSettleTime;
    /** The one stream type (aggregate) each projection reads, where it reads only one. */
    private static final Map<String, String> STREAM_TYPE_BY_GROUP = Map.of("kpi-progress",
            StreamTypes.KPI, "strategy", StreamTypes.STRATEGY, "reporting-cycle", StreamTypes.REPORTING_PERIOD,
            "scoring-policies", StreamTypes.SCORING_POLICY);
    /** Gaps seen empty, and when they were first seen so. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();
    /**
     * By tenant: its change history holds every event of its own up to here (or knows there is none): the walk goes
     * on from here.
     */
    private final Map<String, Long> historyVerifiedUpTo = new ConcurrentHashMap<>();
    private final TenantStreams streams;
    private final DefaultTenant defaultTenant;

    ProjectionProgress(JdbcTemplate jdbc, Configuration axon, Clock clock, TenantStreams streams,
            DefaultTenant defaultTenant, @Value("${kpi-ledger.min-position-wait:5s}") Duration patience,
            @Value("${kpi-ledger.history.gap-settle-time:10s}") Duration gapSettleTime) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.defaultTenant = defaultTenant;
        this.axon = axon;
        this.clock = clock;
        this.patience = patience;
        this.gapSettleTime = gapSettleTime;
    }

    /** Returns once the processing groups have handled the event at this position; null asks nothing. */
    public void await(Long minPosition, List<String> processingGroups) {
        if (minPosition == null) {
            return;
        }
        if (minPosition < 0) {
            throw new InvalidFieldException("minPosition", "minPosition is a position a write answered, 0 or more.");
        }
        if (reached(minPosition, processingGroups)) {
            return;
        }
        // a write answers its position after it committed: a position beyond the stored head was never answered,
        // and waiting for it would only hold a request thread (asked only when there is something to wait for). The
        // primary's head: a replica may not have replayed a write the primary answered already.
        Long head = ReplicaReads.onPrimary(
                () -> jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        if (head == null || minPosition > head) {
            throw ProblemType.POSITION_AHEAD.exception(
                    "No write has answered position " + minPosition + ": the ledger's head is at "
                            + (head == null ? "no event yet" : head) + ".", "minPosition");
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (!reached(minPosition, processingGroups)) {
            if (System.nanoTime() > deadline) {
                throw ProblemType.PROJECTION_BEHIND.exception(
                        "The read side has not reached position "
                                + minPosition + " within " + patience.toSeconds() + " s; try again shortly.",
                        "minPosition");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The highest position up to which the change history holds every event there will ever be: a list cut there
     * never gains an earlier entry later. Walks the event store's positions from where it last got to: each is in
     * {@code ledger_change}, or not projected yet (the horizon stops before it), or no event holds it. Such a gap
     * is either a write whose transaction has not committed yet (the horizon stops) or a position a refused write
     * consumed, which never fills: one seen empty for {@code kpi-ledger.history.gap-settle-time} (10 s), or followed
     * by an event recorded longer ago than that. Each tenant's history has a horizon of its own: the tenant reads only
     * its own rows of {@code ledger_change}, and another tenant's event can never enter its history.
     */
    public synchronized long historyHorizon() {
        String tenant = defaultTenant.current();
        long upTo = historyVerifiedUpTo.getOrDefault(tenant, 0L);
        try {
            while (true) {
                List<long[]> positions = jdbc.query("""
                        select e.global_index, (c.position is not null or not (%s))::int, e.time_stamp
                        from domain_event_entry e left join ledger_change c on c.position = e.global_index
                        where e.global_index > ? order by e.global_index limit 10000"""
                                .formatted(streams.ofTheCurrentTenant("e.aggregate_identifier")),
                        (row, n) -> new long[] {row.getLong(1), row.getInt(2),
                                Instant.parse(row.getString(3)).toEpochMilli()}, upTo);
                if (positions.isEmpty()) {
                    return upTo;
                }
                for (long[] event : positions) {
                    for (long gap = upTo + 1; gap < event[0]; gap++) {
                        if (!settled(gap, Instant.ofEpochMilli(event[2]))) {
                            return upTo;
                        }
                        upTo = gap;
                    }
                    if (event[1] == 0) {
                        return upTo;
                    }
                    upTo = event[0];
                }
            }
        } finally {
            historyVerifiedUpTo.put(tenant, upTo);
        }
    }

    /**
     * Whether every projection named has handled all events up to this position. Its committed token (one segment,
     * stored in the same transaction as its rows) covers them, or every event it has not passed yet is of a stream
     * it does not read: a processor stores its token only every few seconds while nothing comes its way.
     */
    private boolean reached(long position, List<String> processingGroups) {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (newest == null || position > newest) {
            return false; // no such write yet
        }
        for (String group : processingGroups) {
            List<TrackingToken> tokens = jdbc.query(
                    "select token, token_type from token_entry where processor_name = ?", (row, n) -> {
                        byte[] token = row.getBytes(1);
                        return token == null ? null : axon.serializer().<byte[], TrackingToken>deserialize(
                                new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                    }, group);
            if (tokens.size() != 1) {
                return false;
            }
            if (!covers(tokens.get(0), position) && !onlyOtherStreamsBetween(tokens.get(0), position, group)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        var gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return position <= gapAware.get().getIndex() && !gapAware.get().getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }

    private boolean onlyOtherStreamsBetween(TrackingToken token, long position, String group) {
        String streamType = STREAM_TYPE_BY_GROUP.get(group);
        if (streamType == null) {
            return false;
        }
        long index = token == null ? -1 : token.position().orElse(-1);
        Long[] gaps = token == null ? new Long[0] : WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(gapAware -> gapAware.getGaps().toArray(Long[]::new)).orElse(new Long[0]);
        return jdbc.queryForList("""
                select 1 from domain_event_entry
                where ((global_index > ? and global_index <= ?) or global_index = any(?)) and type = ? limit 1""",
                Integer.class, index, position, gaps, streamType).isEmpty();
    }

    /** Whether a position no event holds will stay empty: see {@link #historyHorizon()}. */
    private boolean settled(long gap, Instant nextRecordedAt) {
        Instant settleLine = clock.instant().minus(gapSettleTime);
        if (nextRecordedAt.isBefore(settleLine)) {
            return true;
        }
        Instant firstSeen = gapsSeen.computeIfAbsent(gap, position -> clock.instant());
        if (firstSeen.isBefore(settleLine)) {
            gapsSeen.remove(gap);
            return true;
        }
        return false;
    }
}
