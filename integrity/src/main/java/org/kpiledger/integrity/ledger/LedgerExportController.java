package org.kpiledger.integrity.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole log as JSON Lines (docs/integrity.md): one event a line in its flat form with its hash, in position
 * order, then one line with the latest signed checkpoint, signed just before when the log verifies. What an auditor takes away and verifies offline, and what
 * a restore imports.
 */
@RestController
@Tag(name = "Integrity")
class LedgerExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntegrityChain chain;
    private final IntegrityGuard guard;
    private final JdbcTemplate jdbc;
    private final TenantStreams streams;

    LedgerExportController(IntegrityChain chain, IntegrityGuard guard, JdbcTemplate jdbc, TenantStreams streams) {
        this.chain = chain;
        this.guard = guard;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    @GetMapping("/api/v1/ledger/export")
    @Operation(summary = "The whole log as JSON Lines, each event with its hash, and the latest signed checkpoint")
    ResponseEntity<StreamingResponseBody> export() {
        refuseAnAuditorWhileTheChainSpansOtherTenants();
        guard.checkpoint(); // signs what is stored so far, if it verifies; the export carries the latest either way
        StreamingResponseBody body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            chain.export(entry -> line(writer, entry), checkpoint -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("size", checkpoint.size());
                fields.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
                fields.put("note", checkpoint.note());
                line(writer, Map.of("checkpoint", fields));
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger.jsonl\"").body(body);
    }

    /**
     * One chain spans every tenant's events until each tenant has its own: while it holds another tenant's, the whole
     * log is the deployment operator's to export, not an auditor's of the default tenant.
     */
    private void refuseAnAuditorWhileTheChainSpansOtherTenants() {
        if (LedgerPrincipal.current().map(principal -> principal.has(LedgerRole.OPERATOR)).orElse(false)) {
            return;
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from domain_event_entry where not "
                + streams.ofTheCurrentTenant("aggregate_identifier") + ")", Boolean.class))) {
            throw ProblemType.OPERATOR_ONLY.exception("This deployment's one hash chain holds other tenants' events "
                    + "too: until each tenant has a chain of its own, only the deployment's operator exports it.",
                    null);
        }
    }

    private static void line(BufferedWriter writer, Map<String, Object> fields) {
        try {
            writer.write(JSON.writeValueAsString(fields));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
