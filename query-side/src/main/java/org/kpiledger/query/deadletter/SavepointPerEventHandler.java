package org.kpiledger.query.deadletter;

import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each projection event handler inside a JDBC savepoint of the processor's transaction.
 *
 * <p>Axon's dead-letter queue parks an event whose handler throws, in the same transaction as the rest of the
 * batch. But a failed statement aborts PostgreSQL's whole transaction: without the savepoint, the dead letter itself
 * and every later event of the batch would fail too, and the processor would retry the batch forever. Rolling back
 * to the savepoint undoes just the failed handler's writes. Projections write through JDBC, so that every statement
 * fails inside its handler rather than at a later flush (an architecture test keeps JPA out of projections).
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final ObjectProvider<DataSource> dataSource;

    SavepointPerEventHandler(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projectionHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
        return projectionHandler ? new InSavepoint<>(original) : original;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            DataSource source = dataSource.getObject();
            Connection connection = DataSourceUtils.getConnection(source);
            try {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception e) {
                    connection.rollback(savepoint);
                    throw e;
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, source);
            }
        }
    }
}
