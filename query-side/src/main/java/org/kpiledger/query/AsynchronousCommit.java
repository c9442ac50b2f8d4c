package org.kpiledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a projection's transaction commit without waiting for PostgreSQL to flush it to disk
 * ({@code synchronous_commit = off} for that transaction only). A read model is derived: should the server crash
 * within the moment before the flush, the rows and the processor's token, written in the same transaction, are lost
 * together and the processor handles those events again. The event store's own commits still wait for the disk.
 * Without this, every write cost four disk flushes: its own and one for each projection.
 */
final class AsynchronousCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String APPLIED = AsynchronousCommit.class.getName();

    private final JdbcTemplate jdbc;

    AsynchronousCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && unitOfWork.root().resources().putIfAbsent(APPLIED, Boolean.TRUE) == null) {
            jdbc.execute("set local synchronous_commit = off");
        }
        return interceptorChain.proceed();
    }
}
