package org.kpiledger.integrity.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.kpiledger.platform.web.LedgerText;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Publisher publisher;
    private final TenantStreams streams;

    PublicationController(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            Publisher publisher, TenantStreams streams) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.publisher = publisher;
        this.streams = streams;
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
        ReportPublishedEvent published = publisher.publish(UUID.randomUUID().toString(), request.title());
        return ResponseEntity.created(URI.create("/api/v1/publications/" + published.publicationId()))
                .body(Published.of(published));
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
        String recomputed = publisher.viewHash(published.position());
        return new Verification(id, recomputed.equals(published.viewHash()), published.viewHash(), recomputed,
                published.position(), published.asOf());
    }

    private ReportPublishedEvent find(String id) {
        List<ReportPublishedEvent> found = jdbc.query("select payload, payload_type, payload_revision "
                + "from domain_event_entry where aggregate_identifier = ? and type = ?", (row, n) ->
                IntegrityChain.<ReportPublishedEvent>payload(serializer, row), streams.stored(id),
                StreamTypes.PUBLICATION);
        if (found.isEmpty()) {
            throw ProblemType.PUBLICATION_NOT_FOUND.exception(
                    "No report " + id + " was published.", "id");
        }
        return found.get(0);
    }
}
