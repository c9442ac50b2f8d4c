package org.kpiledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kpiledger.query.export.Spreadsheet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two instants: the ledger's KPI views as of each, compared field by field, with the events
 * recorded in between that caused the differences. The same comparison as JSON or as CSV for a spreadsheet.
 */
@RestController
@Tag(name = "History", description = "Every change of a KPI, and the audit feed of the whole ledger")
class ChangesController {

    private static final String INSTANT = "An ISO-8601 instant with its offset, or a date (the end of that day in the "
            + "ledger's time zone)";

    private final ChangeComparison comparison;

    ChangesController(ChangeComparison comparison) {
        this.comparison = comparison;
    }

    @GetMapping(value = "/api/v1/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every KPI whose view differs between two instants, field by field (COMMITTEE, AUDITOR)")
    ChangeComparison.Changes changes(@Parameter(description = INSTANT) @RequestParam String from,
            @Parameter(description = INSTANT + ", or absent for now") @RequestParam(required = false) String to) {
        return comparison.between(from, to);
    }

    @GetMapping(value = "/api/v1/changes", produces = Spreadsheet.TEXT_CSV)
    @Operation(summary = "The same, as CSV (UTF-8 with a byte order mark, for spreadsheets): one row per field")
    ResponseEntity<byte[]> changesAsCsv(@RequestParam String from, @RequestParam(required = false) String to) {
        return sheet(changes(from, to)).answer(Spreadsheet.TEXT_CSV, "changes");
    }

    @GetMapping(value = "/api/v1/changes", produces = Spreadsheet.XLSX)
    @Operation(summary = "The same, as an XLSX workbook: one row per field")
    ResponseEntity<byte[]> changesAsXlsx(@RequestParam String from, @RequestParam(required = false) String to) {
        return sheet(changes(from, to)).answer(Spreadsheet.XLSX, "changes");
    }

    private static Spreadsheet sheet(ChangeComparison.Changes changes) {
        List<List<Object>> rows = new ArrayList<>();
        for (ChangeComparison.KpiChange kpi : changes.changes()) {
            for (ChangeComparison.FieldChange field : kpi.fields()) {
                rows.add(List.of(kpi.kpiId(), kpi.name(), field.field(), text(field.before()), text(field.after()),
                        kpi.positions().stream().map(String::valueOf).collect(Collectors.joining(" "))));
            }
        }
        return new Spreadsheet("changes", List.of("kpiId", "name", "field", "before", "after", "positions"), rows,
                List.of(List.of("kpi-ledger", "changes between two instants"),
                        List.of("from", changes.from().toString()),
                        List.of("to", changes.to() == null ? "now" : changes.to().toString())));
    }

    private static String text(JsonNode node) {
        return node == null ? "" : node.isString() ? node.asString() : node.toString();
    }
}
