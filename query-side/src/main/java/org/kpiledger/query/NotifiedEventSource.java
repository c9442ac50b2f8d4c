package org.kpiledger.query;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.kpiledger.platform.events.NewEventSignal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event stream the projections read: the event table, read in position order by Axon's storage engine, woken
 * by {@link NewEventSignal} as soon as events are committed instead of at the processor's next poll.
 *
 * <p>Each event it hands out carries its own global index in the metadata ({@link #POSITION}). The tracking token
 * cannot say it: an event that commits after a later one fills a gap of the token, and the token's index stays at
 * the later event. Read from the token, the late event took the later one's position, and the change history,
 * keyed by position, lost it (seen when two writers raced).
 */
public final class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The metadata key of an event's position (global index) in the event store; see {@link #positionOf}. */
    public static final String POSITION = "position";

    /** How often a stream looks for events when no commit was signalled. */
    private static final long POLL_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventStorageEngine storage;
    private final NewEventSignal signal;
    private final JdbcTemplate jdbc;

    NotifiedEventSource(EventStorageEngine storage, NewEventSignal signal, JdbcTemplate jdbc) {
        this.storage = storage;
        this.signal = signal;
        this.jdbc = jdbc;
    }

    /** The position of an event handed out by this source. */
    public static long positionOf(EventMessage<?> event) {
        Object position = event.getMetaData().get(POSITION);
        if (position instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Event " + event.getIdentifier() + " carries no position");
    }

    @Override
    public TrackingEventStream openStream(TrackingToken token) {
        return new NotifiedStream(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    private final class NotifiedStream implements TrackingEventStream {

        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> batch;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        private long generationWhenReadToTheEnd = -1;
        private long readToTheEndAt;

        private NotifiedStream(TrackingToken startToken) {
            this.lastToken = startToken;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = signal.generation();
                if (peeked != null || (worthReading(seen) && readNext(seen))) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.awaitAfter(seen, left, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait(); // hasNextAvailable has waited a second for the signal
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        @Override
        public void close() {
            closeBatch();
        }

        /**
         * Whether to look for events: while a batch is open, or when a commit was signalled since the table was last
         * found read to the end, or when that was a poll interval ago (a signal may be missed).
         */
        private boolean worthReading(long generation) {
            return events != null || generation != generationWhenReadToTheEnd
                    || System.nanoTime() - readToTheEndAt >= POLL_INTERVAL_NANOS;
        }

        /** Takes the next stored event, reading a new batch once the last one is used up. */
        private boolean readNext(long generation) {
            if (events == null) {
                batch = storage.readEvents(lastToken, false);
                events = batch.iterator();
            }
            if (!events.hasNext()) {
                closeBatch();
                generationWhenReadToTheEnd = generation;
                readToTheEndAt = System.nanoTime();
                return false;
            }
            TrackedEventMessage<?> event = events.next();
            long position = position(event);
            lastToken = event.trackingToken();
            EventMessage<?> stamped = event.andMetaData(Map.of(POSITION, position));
            peeked = stamped instanceof TrackedEventMessage<?> tracked ? tracked
                    : new GenericTrackedEventMessage<>(event.trackingToken(), stamped);
            return true;
        }

        /**
         * An event that moves the token's index forward holds that index; one that fills a gap of the token leaves
         * the index where it was, and its position is looked up (rare: only events that committed late).
         */
        private long position(TrackedEventMessage<?> event) {
            long index = event.trackingToken().position().orElseThrow();
            if (lastToken == null || index > lastToken.position().orElse(-1)) {
                return index;
            }
            return jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                    Long.class, event.getIdentifier());
        }

        private void closeBatch() {
            if (batch != null) {
                batch.close();
            }
            batch = null;
            events = null;
        }
    }
}
