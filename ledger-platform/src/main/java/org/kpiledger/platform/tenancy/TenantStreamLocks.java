package org.kpiledger.platform.tenancy;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;

/**
 * The lock a command holds on its aggregate while it runs, taken on the aggregate's stored stream: two
 * municipalities' KPIs {@code 1-1-1-01} are two streams, and a command of one never waits for a command of the other.
 * Axon's default locks by the id alone, which every tenant shares. Named by every aggregate's {@code lockFactory}.
 */
public final class TenantStreamLocks implements LockFactory {

    /** The bean's name, as the aggregates name it. */
    public static final String BEAN = "tenantStreamLocks";

    private final PessimisticLockFactory locks = PessimisticLockFactory.usingDefaults();
    private final TenantStreams streams;

    TenantStreamLocks(TenantStreams streams) {
        this.streams = streams;
    }

    @Override
    public Lock obtainLock(String aggregateIdentifier) {
        return locks.obtainLock(streams.stored(aggregateIdentifier));
    }
}
