package org.kpiledger.integrity.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.kpiledger.integrity.ledger.IntegrityGuard;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.events.integrity.PublishReportCommand;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.platform.web.LedgerText;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published reports: a committee publishes the progress of every KPI as the ledger stands, with the checkpoint that
 * covers it and the hash of the view; anyone can later have the view recomputed from the events and compared.
 */
@RestController
@RequestMapping("/api/v1/publications")
@Tag(name = "Publications", description = "Reports published from the ledger, verifiable later")
class PublicationController {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;
    private final ScoringPolicies policies;
    private final IntegrityGuard guard;
    private final CommandDispatcher commands;
    private final Clock clock;

    PublicationController(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            PlatformTransactionManager transactions, ScoringPolicies policies, IntegrityGuard guard,
            CommandDispatcher commands, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.policies = policies;
        this.guard = guard;
        this.commands = commands;
        this.clock = clock;
    }

    record Publish(@NotBlank @LedgerText @Size(max = 200) String title) {
    }

    record Published(String id, String title, Instant asOf, long position, long checkpointSize,
                     String checkpointRootHash, String viewHash) {

        static Published of(ReportPublishedEvent event) {
            return new Published(event.publicationId(), event.title(), event.asOf(), event.position(),
                    event.checkpointSize(), event.checkpointRootHash(), event.viewHash());
        }
    }

    record Verification(String id, boolean verified, String publishedViewHash, String recomputedViewHash,
                        long position, Instant asOf) {
    }

    @PostMapping
    @Operation(summary = "Publishes the progress of every KPI as the ledger stands now, with its checkpoint and hash")
    ResponseEntity<Published> publish(@Valid @RequestBody Publish request) {
        IntegrityChain.Checkpoint checkpoint = guard.verifiedCheckpoint().orElseThrow(() ->
                ProblemType.LEDGER_INTEGRITY_BROKEN.exception(HttpStatus.CONFLICT,
                        "The ledger holds nothing yet: no report can be published from it.",
                        null));
        long position = jdbc.queryForObject("select global_index from event_chain order by global_index "
                + "offset ? limit 1", Long.class, checkpoint.size() - 1);
        String id = UUID.randomUUID().toString();
        PublishReportCommand command = new PublishReportCommand(id, request.title(), clock.instant(), position,
                checkpoint.size(), HEX.formatHex(checkpoint.rootHash()), viewHash(position));
        commands.send(command);
        return ResponseEntity.created(URI.create("/api/v1/publications/" + id)).body(new Published(id,
                command.title(), command.asOf(), position, command.checkpointSize(), command.checkpointRootHash(),
                command.viewHash()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A published report: when, at which position, under which checkpoint, with which hash")
    Published published(@PathVariable String id) {
        return Published.of(find(id));
    }

    @GetMapping("/{id}/verify")
    @Operation(summary = "Recomputes the published view from the events up to its position and compares the hash")
    Verification verify(@PathVariable String id) {
        ReportPublishedEvent published = find(id);
        String recomputed = viewHash(published.position());
        return new Verification(id, recomputed.equals(published.viewHash()), published.viewHash(), recomputed,
                published.position(), published.asOf());
    }

    /** The hash of the view folded from the stored events up to and including a position, in one snapshot. */
    private String viewHash(long position) {
        return snapshot.execute(status -> {
            PublishedView view = new PublishedView(policies);
            jdbc.query("select payload, payload_type, payload_revision from domain_event_entry "
                            + "where global_index <= ? and type in (?, ?) order by global_index",
                    row -> {
                        view.apply(IntegrityChain.payload(serializer, row));
                    }, position, StreamTypes.KPI, StreamTypes.STRATEGY);
            return view.hash();
        });
    }

    private ReportPublishedEvent find(String id) {
        List<ReportPublishedEvent> found = jdbc.query("select payload, payload_type, payload_revision "
                + "from domain_event_entry where aggregate_identifier = ? and type = ?", (row, n) ->
                IntegrityChain.<ReportPublishedEvent>payload(serializer, row), id, StreamTypes.PUBLICATION);
        if (found.isEmpty()) {
            throw ProblemType.PUBLICATION_NOT_FOUND.exception(
                    "No report " + id + " was published.", "id");
        }
        return found.get(0);
    }
}
