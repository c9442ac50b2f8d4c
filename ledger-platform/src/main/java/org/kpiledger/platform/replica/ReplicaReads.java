package org.kpiledger.platform.replica;

import java.util.function.Supplier;

/** Whether the current thread reads from the replica: set for a request by {@link ReplicaReadFilter}. */
public final class ReplicaReads {

    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private ReplicaReads() {
    }

    static boolean active() {
        return Boolean.TRUE.equals(ON_REPLICA.get());
    }

    static Scope open(boolean onReplica) {
        Boolean before = ON_REPLICA.get();
        ON_REPLICA.set(onReplica);
        return () -> ON_REPLICA.set(before);
    }

    /**
     * Runs a query on the primary, also within a read the replica answers: for what only the primary knows yet, such
     * as whether a write answered a position the replica has not replayed.
     */
    public static <T> T onPrimary(Supplier<T> query) {
        try (Scope primary = open(false)) {
            return query.get();
        }
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
