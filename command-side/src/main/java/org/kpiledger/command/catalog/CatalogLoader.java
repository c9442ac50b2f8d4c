package org.kpiledger.command.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.events.kpi.PlaceKpiCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.security.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a catalog through the same commands as any registration, under one correlation id per load: at start-up
 * as the system actor, through the API as the requester. Loading is idempotent: a KPI already in the ledger is not registered again, a placement or a strategy
 * already as stated records nothing, so a restart or a second load of the same catalog adds no event.
 */
@Component
public class CatalogLoader {

    static final String ACTOR = "system:catalog";
    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ResourceLoader resources;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CatalogLoader(CommandGateway commands, EventStore eventStore, ResourceLoader resources, Clock clock,
                  PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.resources = resources;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Reads and loads, as the system actor, a catalog named as a Spring resource ({@code classpath:...}) or a path. */
    public LoadResult load(String location) {
        Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
        try (Reader csv = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return load(csv, MetaData.with(AxonPlatformConfiguration.ACTOR, ACTOR)
                    .and(AxonPlatformConfiguration.AUTH_METHOD, AuthMethod.SYSTEM.name())
                    .and(AxonPlatformConfiguration.CORRELATION_ID, "catalog-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + location, e);
        }
    }

    /**
     * Checks the whole catalog first: with any bad row, nothing is loaded. The commands then run in one transaction,
     * so that a command refused half-way (another writer registered one of the KPIs meanwhile) stores nothing
     * either.
     */
    public LoadResult load(Reader csv, MetaData metaData) {
        Catalog catalog = new CatalogReader(clock).read(csv);
        return transaction.execute(status -> load(catalog, metaData));
    }

    private LoadResult load(Catalog catalog, MetaData metaData) {
        for (DefineStrategyCommand strategy : catalog.strategies()) {
            commands.sendAndWait(strategy, metaData);
        }
        int registered = 0;
        int placed = 0;
        for (Catalog.Entry kpi : catalog.kpis()) {
            if (eventStore.lastSequenceNumberFor(kpi.registration().kpiId().value()).isEmpty()) {
                commands.sendAndWait(kpi.registration(), metaData);
                registered++;
            }
            try {
                commands.sendAndWait(new PlaceKpiCommand(kpi.registration().kpiId(), kpi.placement(), null),
                        metaData);
                placed++;
            } catch (KpiRuleViolation alreadyThere) {
                if (alreadyThere.code() != ProblemType.NOTHING_CHANGED) {
                    throw alreadyThere;
                }
            }
        }
        LoadResult result = new LoadResult(catalog.strategies().size(), catalog.kpis().size(), registered, placed);
        log.info("Catalog loaded: {} strategy(ies), {} KPIs, {} registered now, {} placed now",
                result.strategies(), result.kpis(), result.registered(), result.placed());
        return result;
    }

    /** What a load did: how many KPIs the catalog holds, and how many of them it registered or placed now. */
    public record LoadResult(int strategies, int kpis, int registered, int placed) {
    }
}
