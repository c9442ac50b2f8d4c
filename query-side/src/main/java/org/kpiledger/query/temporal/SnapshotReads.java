package org.kpiledger.query.temporal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of several queries on one snapshot of the database (repeatable read), so that a projection's commit
 * between two of them cannot show a KPI's new version beside its old actuals. A read that waits for a position
 * ({@code minPosition}) waits before it, outside the snapshot.
 */
@Component
public class SnapshotReads {

    private final TransactionTemplate snapshot;

    SnapshotReads(PlatformTransactionManager transactionManager) {
        snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> read) {
        return snapshot.execute(status -> read.get());
    }
}
