package org.kpiledger.integrity.publication;

import java.time.Clock;
import java.util.HexFormat;
import org.axonframework.serialization.Serializer;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.integrity.PublishReportCommand;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.kpiledger.integrity.ledger.IntegrityGuard;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a report of the ledger as it stands: the position of the last event the latest verified checkpoint
 * covers, the checkpoint, and the hash of the view folded from the events up to that position. Used by the
 * publications API and by a reporting period's publication, which locks its year first so that the report shows
 * exactly the locked figures.
 */
@Component
public class Publisher {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;
    private final ScoringPolicies policies;
    private final IntegrityGuard guard;
    private final CommandDispatcher commands;
    private final Clock clock;
    private final DefaultTenant defaultTenant;

    Publisher(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            PlatformTransactionManager transactions, ScoringPolicies policies, IntegrityGuard guard,
            CommandDispatcher commands, Clock clock, DefaultTenant defaultTenant) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.policies = policies;
        this.guard = guard;
        this.commands = commands;
        this.clock = clock;
        this.defaultTenant = defaultTenant;
    }

    public ReportPublishedEvent publish(String publicationId, String title) {
        IntegrityChain.Checkpoint checkpoint = guard.verifiedCheckpoint().orElseThrow(() ->
                ProblemType.LEDGER_INTEGRITY_BROKEN.exception(HttpStatus.CONFLICT,
                        "The ledger holds nothing yet: no report can be published from it.",
                        null));
        long position = jdbc.queryForObject("select global_index from event_chain where tenant_id = ? "
                + "order by global_index offset ? limit 1", Long.class, defaultTenant.current(), checkpoint.size() - 1);
        PublishReportCommand command = new PublishReportCommand(publicationId, title, clock.instant(), position,
                checkpoint.size(), HEX.formatHex(checkpoint.rootHash()), viewHash(position));
        commands.send(command);
        return new ReportPublishedEvent(publicationId, title, command.asOf(), position, command.checkpointSize(),
                command.checkpointRootHash(), command.viewHash());
    }

    /**
     * The hash of the view folded from the current tenant's stored events up to and including a position, in one
     * snapshot.
     */
    public String viewHash(long position) {
        return snapshot.execute(status -> {
            PublishedView view = new PublishedView(policies);
            jdbc.query("select payload, payload_type, payload_revision from domain_event_entry "
                            + "where tenant_id = ? and global_index <= ? and type in (?, ?, ?) order by global_index",
                    row -> {
                        view.apply(IntegrityChain.payload(serializer, row));
                    }, defaultTenant.current(), position, StreamTypes.KPI, StreamTypes.STRATEGY, StreamTypes.SCORING_POLICY);
            return view.hash();
        });
    }
}
