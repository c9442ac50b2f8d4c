package org.kpiledger.integrity.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.kpiledger.events.integrity.AcknowledgeIntegrityBreakCommand;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.integrity.RecordHashChainSchemeChangeCommand;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.integrity.chain.IntegrityConfiguration;
import org.kpiledger.integrity.chain.StoredEntry;
import org.kpiledger.platform.security.AuthMethod;
import org.kpiledger.platform.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger honest while it runs: at start it moves a store of scheme 1 to scheme 2 (chaining every stored
 * event anew as stored, and recording the move as an event), chains the events of a store that predates the chain,
 * and verifies the whole chain; then, every {@code kpi-ledger.integrity.checkpoint-interval} (5 s unless
 * configured), it verifies what came since and signs a checkpoint when the log grew. While a break is not
 * acknowledged, health is DOWN and every command but the acknowledgement is refused.
 */
@Component("integrityHealthIndicator")
public class IntegrityGuard implements SmartLifecycle, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityGuard.class);
    static final String ACTOR = "system:integrity";

    private final IntegrityChain chain;
    private final SchemeOneChain schemeOne;
    private final IntegrityStatus status;
    private final CommandBus commandBus;
    private final CommandGateway commands;
    private final Duration interval;
    private final boolean hashChain;
    private ScheduledExecutorService checkpoints;
    private volatile SchemeOneChain.Verification schemeOneLeft;
    private boolean running;

    IntegrityGuard(IntegrityChain chain, SchemeOneChain schemeOne, IntegrityStatus status, CommandBus commandBus,
            CommandGateway commands,
            @Value("${kpi-ledger.integrity.checkpoint-interval:PT5S}") Duration interval,
            @Value("${" + IntegrityConfiguration.HASH_CHAIN + ":true}") boolean hashChain) {
        this.chain = chain;
        this.schemeOne = schemeOne;
        this.status = status;
        this.commandBus = commandBus;
        this.commands = commands;
        this.interval = interval;
        this.hashChain = hashChain;
    }

    @Override
    public void start() {
        running = true;
        if (!hashChain) {
            LOG.warn("{}=false: events are stored WITHOUT the hash chain; nothing is verified or checkpointed",
                    IntegrityConfiguration.HASH_CHAIN);
            return;
        }
        commandBus.registerDispatchInterceptor(refuseWritesWhileBroken());
        status.load();
        if (schemeOne.awaitsMove()) {
            SchemeOneChain.Verification old = schemeOne.verify();
            status.record(old.mismatches());
            long chained = chain.chainUnchained();
            LOG.info("Moved the hash chain to scheme 2: {} stored events chained as stored; the chain of scheme 1 "
                    + "({} entries, head {}) is kept read-only", chained, old.entries(), old.head());
            schemeOneLeft = old;
        } else if (chain.latestCheckpoint().isEmpty()) {
            long chained = chain.chainUnchained();
            if (chained > 0) {
                LOG.info("Chained {} events stored before the ledger kept a hash chain", chained);
            }
        }
        IntegrityChain.Verification verification = chain.verifySinceLastVerified();
        status.record(verification);
        recordMoveFromSchemeOne();
        if (verification.verified()) {
            LOG.info("The ledger's history verifies: {} events, head {}", verification.events(), verification.head());
        } else {
            LOG.error("THE LEDGER'S HISTORY DOES NOT VERIFY: {}. Writes are refused until an administrator "
                    + "acknowledges it (POST /api/v1/integrity/acknowledgements).", verification.mismatches());
        }
        checkpoints = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "integrity-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::scheduledCheckpoint, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Records the move from scheme 1 as an event of the ledger's stream, once every break the old chain showed is
     * acknowledged (until then writes are refused, and the next checkpoint tries again).
     */
    private void recordMoveFromSchemeOne() {
        SchemeOneChain.Verification old = schemeOneLeft;
        if (old == null || !status.unacknowledged().isEmpty()) {
            return;
        }
        commands.sendAndWait(new RecordHashChainSchemeChangeCommand(IntegrityEvent.LEDGER, 1, StoredEntry.SCHEME,
                old.entries(), old.head(), old.checkpoint(), old.mismatches().size()),
                MetaData.with(AxonPlatformConfiguration.ACTOR, ACTOR)
                        .and(AxonPlatformConfiguration.AUTH_METHOD, AuthMethod.SYSTEM.name())
                        .and(AxonPlatformConfiguration.CORRELATION_ID, "integrity-" + UUID.randomUUID()));
        schemeOneLeft = null;
        LOG.info("Recorded the move of the hash chain from scheme 1 to scheme 2 in the ledger's stream");
    }

    /** Signs a checkpoint of the log as it stands, if what came since the last one verifies. */
    IntegrityChain.Verification checkpoint() {
        recordMoveFromSchemeOne();
        IntegrityChain.Verification verification = chain.checkpoint(status.acknowledgedNow());
        status.record(verification);
        if (!status.unacknowledged().isEmpty()) {
            LOG.error("THE LEDGER'S HISTORY DOES NOT VERIFY: {}", status.unacknowledged());
        }
        return verification;
    }

    /**
     * Signs a checkpoint as {@link #checkpoint()} does, for a request that needs one: refused (409
     * {@code LEDGER_INTEGRITY_BROKEN}) while a break is not acknowledged; empty while the log holds nothing.
     */
    public Optional<IntegrityChain.Checkpoint> verifiedCheckpoint() {
        IntegrityChain.Verification verification = checkpoint();
        List<IntegrityChain.Mismatch> breaks = status.unacknowledged();
        if (!breaks.isEmpty()) {
            throw ProblemType.LEDGER_INTEGRITY_BROKEN.exception(HttpStatus.CONFLICT,
                    "The history does not verify (" + breaks.get(0).reason()
                            + "); no checkpoint was signed.", null);
        }
        return Optional.ofNullable(verification.checkpoint());
    }

    private void scheduledCheckpoint() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("Could not sign a checkpoint; trying again in {}", interval, e);
        }
    }

    private MessageDispatchInterceptor<CommandMessage<?>> refuseWritesWhileBroken() {
        return messages -> (index, command) -> {
            if (!(command.getPayload() instanceof AcknowledgeIntegrityBreakCommand)
                    && !(command.getPayload() instanceof RecordHashChainSchemeChangeCommand)) {
                List<IntegrityChain.Mismatch> breaks = status.unacknowledged();
                if (!breaks.isEmpty()) {
                    throw ProblemType.LEDGER_INTEGRITY_BROKEN.exception(
                            "The ledger's stored history "
                                    + "does not verify (" + breaks.get(0).reason() + "); writes are refused until an "
                                    + "administrator acknowledges it.", null);
                }
            }
            return command;
        };
    }

    @Override
    public Health health() {
        List<IntegrityChain.Mismatch> breaks;
        try {
            breaks = status.unacknowledged();
        } catch (RuntimeException unreadable) {
            return Health.down().withDetail("breaks", "cannot be read: " + unreadable.getClass().getSimpleName())
                    .build();
        }
        Health.Builder health = breaks.isEmpty() ? Health.up() : Health.down().withDetail("breaks", breaks);
        status.lastVerification().ifPresent(verification -> {
            health.withDetail("events", verification.events()).withDetail("head", verification.head());
            if (verification.checkpoint() != null) {
                health.withDetail("checkpointSize", verification.checkpoint().size());
            }
        });
        return health.build();
    }

    @Override
    public void stop() {
        running = false;
        if (checkpoints != null) {
            checkpoints.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
