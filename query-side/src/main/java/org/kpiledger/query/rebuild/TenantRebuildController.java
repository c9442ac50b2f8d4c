package org.kpiledger.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.kpiledger.platform.web.LedgerText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The deployment operator rebuilds one municipality's read models; the others' are not touched. */
@RestController
@RequestMapping("/api/v1/operations/rebuilds")
@Tag(name = "Operations", description = "Dead letters and rebuilds of the query side's projections")
class TenantRebuildController {

    private final TenantRebuilds rebuilds;

    TenantRebuildController(TenantRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    record Rebuild(@NotBlank @LedgerText @Size(max = 6) String tenantId) {
    }

    record Started(String tenantId, List<String> projections) {
    }

    record Replaying(List<String> replaying) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuilds one tenant's read models from its events; the other tenants' rows stay")
    Started rebuild(@Valid @RequestBody Rebuild request) {
        return new Started(request.tenantId(), rebuilds.rebuild(request.tenantId()));
    }

    @GetMapping
    @Operation(summary = "The projections still replaying a rebuild, short of where they were when it started")
    Replaying replaying() {
        return new Replaying(rebuilds.replaying());
    }
}
