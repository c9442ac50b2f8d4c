package org.kpiledger.integrity.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's whole log as JSON Lines (docs/integrity.md): one event a line in its flat form with its hash, in
 * position order, then one line with the latest signed checkpoint, signed just before when the log verifies. What an
 * auditor takes away and verifies offline with the tenant's verifier key, and what a move of the tenant imports.
 */
@RestController
@Tag(name = "Integrity")
class LedgerExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntegrityChain chain;
    private final IntegrityGuard guard;

    LedgerExportController(IntegrityChain chain, IntegrityGuard guard) {
        this.chain = chain;
        this.guard = guard;
    }

    /**
     * Written in the request's own thread (not as an asynchronous body): the tenant it works for, and the prefix its
     * request was dispatched under, are the thread's and the filter's.
     */
    @GetMapping("/api/v1/ledger/export")
    @Operation(summary = "The tenant's whole log as JSON Lines, each event with its hash, and the latest signed "
            + "checkpoint")
    void export(HttpServletResponse response) throws IOException {
        guard.checkpoint(); // signs what is stored so far, if it verifies; the export carries the latest either way
        response.setContentType(JSON_LINES.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger.jsonl\"");
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8), 1 << 16);
        chain.export(entry -> line(writer, entry), checkpoint -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("size", checkpoint.size());
            fields.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
            fields.put("note", checkpoint.note());
            line(writer, Map.of("checkpoint", fields));
        });
        writer.flush();
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
