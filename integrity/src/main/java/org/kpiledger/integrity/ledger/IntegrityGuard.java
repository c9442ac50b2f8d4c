package org.kpiledger.integrity.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.kpiledger.platform.tenancy.CurrentTenant;
import org.kpiledger.platform.tenancy.DefaultTenant;
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
 * and verifies every tenant's whole chain; then, every {@code kpi-ledger.integrity.checkpoint-interval} (5 s unless
 * configured), it verifies what came since in each chain that grew and signs that tenant's checkpoint. While a
 * tenant's break is not acknowledged, every command of that tenant but the acknowledgement is refused, and other
 * tenants write on; the default tenant's break turns health DOWN, another's is named in its details.
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
    private final DefaultTenant defaultTenant;
    private ScheduledExecutorService checkpoints;
    private volatile SchemeOneChain.Verification schemeOneLeft;
    /**
     * The last position seen by each of the last two rounds of checkpoints: a round looks at what came after the
     * older, so that an append of one tenant that committed after a later position of another was seen, is not
     * missed.
     */
    private long seenTwoRoundsAgo;
    private long seenLastRound;
    private boolean running;

    IntegrityGuard(IntegrityChain chain, SchemeOneChain schemeOne, IntegrityStatus status, CommandBus commandBus,
            CommandGateway commands,
            @Value("${kpi-ledger.integrity.checkpoint-interval:PT5S}") Duration interval,
            @Value("${" + IntegrityConfiguration.HASH_CHAIN + ":true}") boolean hashChain,
            DefaultTenant defaultTenant) {
        this.chain = chain;
        this.schemeOne = schemeOne;
        this.status = status;
        this.commandBus = commandBus;
        this.commands = commands;
        this.interval = interval;
        this.hashChain = hashChain;
        this.defaultTenant = defaultTenant;
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
        Map<String, Long> tenants = chain.tenantsWrittenAfter(0);
        long events = 0;
        for (String tenant : tenants.keySet()) {
            try (CurrentTenant.Scope ignored = CurrentTenant.open(tenant)) {
                IntegrityChain.Verification verification = chain.verifySinceLastVerified();
                status.record(verification);
                events += verification.events();
                if (!verification.verified()) {
                    LOG.error("THE HISTORY OF TENANT {} DOES NOT VERIFY: {}. Its writes are refused until its "
                            + "administrator acknowledges it (POST {}/api/v1/integrity/acknowledgements).", tenant,
                            verification.mismatches(), defaultTenant.is(tenant) ? "" : "/t/" + tenant);
                }
            }
        }
        seenLastRound = tenants.values().stream().mapToLong(Long::longValue).max().orElse(0);
        recordMoveFromSchemeOne();
        if (status.tenantsWithBreaks().isEmpty()) {
            LOG.info("The ledger's history verifies: {} events in the chains of {} tenants", events, tenants.size());
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
        if (old == null) {
            return;
        }
        try (CurrentTenant.Scope theDefaultTenants = CurrentTenant.open(defaultTenant.id())) {
            recordMoveFromSchemeOne(old);
        }
    }

    /** Scheme 1 was the one chain of a deployment of one city: its move belongs to the default tenant's ledger. */
    private void recordMoveFromSchemeOne(SchemeOneChain.Verification old) {
        if (!status.unacknowledged().isEmpty()) {
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

    /**
     * Signs a checkpoint of each chain that grew since the rounds before, as its tenant, if what came since its last
     * one verifies.
     */
    void checkpointEveryChainThatGrew() {
        Map<String, Long> grown = chain.tenantsWrittenAfter(seenTwoRoundsAgo);
        for (String tenant : grown.keySet()) {
            try (CurrentTenant.Scope ignored = CurrentTenant.open(tenant)) {
                checkpoint();
            } catch (RuntimeException e) {
                LOG.warn("Could not sign a checkpoint of tenant {}'s chain; trying again in {}", tenant, interval, e);
            }
        }
        seenTwoRoundsAgo = seenLastRound;
        seenLastRound = Math.max(seenLastRound, grown.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** Signs a checkpoint of the current tenant's log as it stands, if what came since the last one verifies. */
    IntegrityChain.Verification checkpoint() {
        recordMoveFromSchemeOne();
        IntegrityChain.Verification verification = chain.checkpoint(status.acknowledgedNow());
        status.record(verification);
        if (!status.unacknowledged().isEmpty()) {
            LOG.error("THE HISTORY OF TENANT {} DOES NOT VERIFY: {}", defaultTenant.current(),
                    status.unacknowledged());
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
            recordMoveFromSchemeOne();
            checkpointEveryChainThatGrew();
        } catch (RuntimeException e) {
            LOG.warn("Could not sign a checkpoint; trying again in {}", interval, e);
        }
    }

    private MessageDispatchInterceptor<CommandMessage<?>> refuseWritesWhileBroken() {
        return messages -> (index, command) -> {
            if (!(command.getPayload() instanceof AcknowledgeIntegrityBreakCommand)
                    && !(command.getPayload() instanceof RecordHashChainSchemeChangeCommand)) {
                String tenant = command.getMetaData().get(AxonPlatformConfiguration.TENANT) instanceof String named
                        ? named : defaultTenant.current();
                List<IntegrityChain.Mismatch> breaks;
                try (CurrentTenant.Scope ignored = CurrentTenant.open(tenant)) {
                    breaks = status.unacknowledged();
                }
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
        Set<String> brokenTenants;
        try {
            breaks = status.unacknowledged();
            // the deployment's health names every tenant whose chain is broken; a tenant's own page, its own only
            brokenTenants = defaultTenant.is(defaultTenant.current()) ? status.tenantsWithBreaks() : Set.of();
        } catch (RuntimeException unreadable) {
            return Health.down().withDetail("breaks", "cannot be read: " + unreadable.getClass().getSimpleName())
                    .build();
        }
        // one municipality's break refuses its own writes; the deployment stays up for the others
        Health.Builder health = breaks.isEmpty() ? Health.up() : Health.down().withDetail("breaks", breaks);
        if (!brokenTenants.isEmpty()) {
            health.withDetail("tenantsWithBreaks", brokenTenants);
        }
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
