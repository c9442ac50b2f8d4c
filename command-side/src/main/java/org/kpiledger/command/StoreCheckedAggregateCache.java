package org.kpiledger.command;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate cache of a command side that is not the only writer of its store: another command-side process, or
 * a bulk load, may have appended to a stream since this process cached it. An entry is handed out only while its
 * version is still the stream's last stored sequence number (one indexed lookup); an entry found behind is dropped,
 * and the aggregate is read again from its events. A command is then never decided on a state the store has moved
 * past: a correction's {@code If-Match} is checked against the stored version, a figure against the stored figures.
 * A write that races another between the lookup and its append is still refused by the append. Entries are kept
 * under the stored id of the stream ({@link TenantStreams}): two tenants' KPIs {@code 1-1-1-01} are two entries.
 */
final class StoreCheckedAggregateCache implements Cache {

    /** Axon keeps an entry's version private and offers no accessor; its tests fail if the field is renamed. */
    private static final VarHandle VERSION;
    private static final String LAST_SEQUENCE =
            "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?";

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Cache entries;
    private final JdbcTemplate jdbc;
    private final TenantStreams streams;

    StoreCheckedAggregateCache(Cache entries, JdbcTemplate jdbc, TenantStreams streams) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    private String stored(Object key) {
        return streams.stored(key.toString());
    }

    @Override
    public <K, V> V get(K key) {
        String streamId = stored(key);
        V entry = entries.get(streamId);
        if (entry instanceof AggregateCacheEntry<?> cached && !current(streamId, (Long) VERSION.get(cached))) {
            entries.remove(streamId);
            return null;
        }
        return entry;
    }

    private boolean current(String streamId, Long version) {
        Long stored = jdbc.queryForObject(LAST_SEQUENCE, Long.class, streamId);
        return stored == null ? version == null : stored.equals(version);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(stored(key), value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(stored(key), value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(stored(key), valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(stored(key));
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(stored(key));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(stored(key), update);
    }
}
