package org.kpiledger.platform.events;

import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Announces committed events to the projections: see {@link NewEventSignal}. */
@AutoConfiguration
public class NewEventsConfiguration {

    @Bean
    NewEventSignal newEventSignal(DataSource dataSource) {
        return new NewEventSignal(dataSource);
    }

    /** After each unit of work that stored events in this process commits, the signal goes out. */
    @Bean
    SmartInitializingSingleton signalCommittedEvents(ObjectProvider<EventStore> eventStore, NewEventSignal signal) {
        MessageDispatchInterceptor<EventMessage<?>> afterCommit = messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(done -> signal.committedHere()));
            return (index, message) -> message;
        };
        return () -> eventStore.ifAvailable(store -> store.registerDispatchInterceptor(afterCommit));
    }
}
