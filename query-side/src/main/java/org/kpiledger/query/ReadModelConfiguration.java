package org.kpiledger.query;

import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEntry;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Names every entity package the query side's persistence unit needs. An explicit {@code @EntityScan} replaces
 * the packages Axon registers by default, so Axon's own (event store, tokens, sagas, dead letters) are listed
 * beside the read models.
 */
@Configuration
@EntityScan(basePackageClasses = {ReadModelConfiguration.class, DomainEventEntry.class, TokenEntry.class,
        SagaEntry.class, DeadLetterEntry.class})
@EnableJpaRepositories(basePackageClasses = ReadModelConfiguration.class)
class ReadModelConfiguration {
}
