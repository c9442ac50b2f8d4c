package org.kpiledger.command.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.util.Map;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.web.StrictUtf8;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports a strategy and its KPIs from a catalog file, whole or not at all. */
@RestController
@RequestMapping("/api/v1/catalogs")
@Tag(name = "Catalogs", description = "Import a strategy and its KPIs from CSV")
class CatalogController {

    private final CatalogLoader loader;
    private final CommandDispatcher commands;

    CatalogController(CatalogLoader loader, CommandDispatcher commands) {
        this.loader = loader;
        this.commands = commands;
    }

    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Import a catalog (CSV in UTF-8, the columns of the shipped catalog); any bad row refuses "
            + "the whole file with every bad row and field named; KPIs already in the ledger are left as they are")
    ResponseEntity<CatalogLoader.LoadResult> importCatalog(@RequestBody byte[] csv) {
        return ResponseEntity.ok(loader.load(new StringReader(StrictUtf8.csv(csv,
                "The catalog is not UTF-8 (save it as \"CSV UTF-8\").")), commands.metaData()));
    }

    @ExceptionHandler(InvalidCatalogException.class)
    ResponseEntity<ProblemDetail> invalidCatalog(InvalidCatalogException e) {
        ProblemDetail problem = ProblemType.INVALID_CATALOG.problem(e.getMessage(),
                e.problems().get(0).field());
        problem.setProperty("errors", e.problems().stream()
                .map(row -> Map.of("row", row.row(), "field", row.field(), "message", row.message()))
                .toList());
        return ProblemCode.response(problem);
    }
}
