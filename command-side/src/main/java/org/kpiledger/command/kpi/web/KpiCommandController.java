package org.kpiledger.command.kpi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.kpiledger.command.kpi.web.KpiRequests.Accepted;
import org.kpiledger.command.strategy.StrategyMeasures;
import org.kpiledger.events.kpi.AssignDepartmentCommand;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.PlaceKpiCommand;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.RetireKpiCommand;
import org.kpiledger.events.kpi.ReviseTargetCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.platform.web.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API. Every write answers with the KPI's new version as {@code ETag}; a write that sends
 * {@code If-Match} is refused with 412 when the KPI has moved on since. Corrections and revisions replace a figure
 * that is already there, so they must send it (428 otherwise).
 */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPI commands", description = "Register KPIs and record, correct and revise their figures")
class KpiCommandController {

    private static final String REQUIRED_IF_MATCH = "The KPI's version as last read (its ETag); 428 without it, "
            + "412 when the KPI has moved on. * changes it whatever its version.";

    private final CommandDispatcher commands;
    private final StrategyMeasures strategies;
    private final TransactionTemplate transaction;
    private final EventPositions positions;

    KpiCommandController(CommandDispatcher commands, StrategyMeasures strategies,
                         PlatformTransactionManager transactionManager, EventPositions positions) {
        this.commands = commands;
        this.strategies = strategies;
        this.positions = positions;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping
    @Operation(summary = "Register a KPI with its baseline and target, and optionally its place in a strategy")
    ResponseEntity<Accepted> register(@Valid @RequestBody KpiRequests.RegisterKpi request) {
        String unit = request.unit().strip();
        var baseline = request.baseline();
        var target = request.target();
        KpiId kpiId = request.kpiId();
        KpiPlacement placement = request.strategy() == null ? null : placed(request.strategy(), "strategy");
        RegisterKpiCommand registration = new RegisterKpiCommand(kpiId, request.name().strip(), unit,
                request.accumulation(), request.direction(),
                new Baseline(baseline.fiscalYear(),
                        baseline.value() == null ? null : new Quantity(baseline.value(), unit), baseline.qualifier()),
                new Target(target.fiscalYear(), new Quantity(target.value(), unit), target.comparator()),
                request.valueKind());
        // registered, placed and assigned in one transaction: all or nothing
        long version = transaction.execute(status -> {
            commands.send(registration);
            long latest = 0L;
            if (placement != null) {
                latest = commands.<Long>send(new PlaceKpiCommand(kpiId, placement, null));
            }
            if (request.department() != null) {
                latest = commands.<Long>send(new AssignDepartmentCommand(kpiId, request.department(), null));
            }
            return latest;
        });
        return accepted(URI.create("/api/v1/kpis/" + kpiId), accepted(kpiId, version));
    }

    @PutMapping("/{kpiId}/placement")
    @Operation(summary = "Place a KPI under a measure of a strategy, or move it")
    ResponseEntity<Accepted> place(
            @PathVariable KpiId kpiId,
            @Parameter(required = true, description = REQUIRED_IF_MATCH)
            @RequestHeader(name = EntityTags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody KpiRequests.Placement request) {
        Long expectedVersion = EntityTags.requiredVersion(ifMatch);
        long version = commands.send(new PlaceKpiCommand(kpiId, placed(request, null), expectedVersion));
        return ok(accepted(kpiId, version));
    }

    @PutMapping("/{kpiId}/department")
    @Operation(summary = "Make a department the owner of a KPI, or hand it to another")
    ResponseEntity<Accepted> assign(
            @PathVariable KpiId kpiId,
            @Parameter(required = true, description = REQUIRED_IF_MATCH)
            @RequestHeader(name = EntityTags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody KpiRequests.Ownership request) {
        Long expectedVersion = EntityTags.requiredVersion(ifMatch);
        long version = commands.send(new AssignDepartmentCommand(kpiId, request.department(), expectedVersion));
        return ok(accepted(kpiId, version));
    }

    private KpiPlacement placed(KpiRequests.Placement request, String prefix) {
        KpiPlacement placement = request.toPlacement();
        if (!strategies.defines(placement)) {
            String field = prefix == null ? "measureNumber" : prefix + ".measureNumber";
            throw new InvalidFieldException(field, "Strategy " + placement.planId() + " has no measure "
                    + placement.measureNumber() + " under policy " + placement.policyCode() + ".");
        }
        return placement;
    }

    @PostMapping("/{kpiId}/actuals")
    @Operation(summary = "Record the actual figure of a fiscal year (once; use PUT to correct it)")
    ResponseEntity<Accepted> recordActual(
            @PathVariable KpiId kpiId,
            @RequestHeader(name = EntityTags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody KpiRequests.RecordActual request) {
        long version = commands.send(new RecordActualCommand(kpiId, request.fiscalYear(), request.value(),
                request.note(), request.evidenceReference(), EntityTags.expectedVersion(ifMatch)));
        return accepted(URI.create("/api/v1/kpis/" + kpiId + "/actuals/" + request.fiscalYear().year()),
                accepted(kpiId, version));
    }

    @PutMapping("/{kpiId}/actuals/{fiscalYear}")
    @Operation(summary = "Correct the actual figure of a fiscal year, giving the reason")
    ResponseEntity<Accepted> correctActual(
            @PathVariable KpiId kpiId,
            @PathVariable FiscalYear fiscalYear,
            @Parameter(required = true, description = REQUIRED_IF_MATCH)
            @RequestHeader(name = EntityTags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody KpiRequests.CorrectActual request) {
        long version = commands.send(new CorrectActualCommand(kpiId, fiscalYear, request.value(),
                request.reason().strip(), EntityTags.requiredVersion(ifMatch)));
        return ok(accepted(kpiId, version));
    }

    @PutMapping("/{kpiId}/target")
    @Operation(summary = "Revise the target by decision of the council, giving the reason and the decision")
    ResponseEntity<Accepted> reviseTarget(
            @PathVariable KpiId kpiId,
            @Parameter(required = true, description = REQUIRED_IF_MATCH)
            @RequestHeader(name = EntityTags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody KpiRequests.ReviseTarget request) {
        long version = commands.send(new ReviseTargetCommand(kpiId, request.fiscalYear(), request.value(),
                request.comparator(), request.reason().strip(), request.decisionReference().strip(),
                EntityTags.requiredVersion(ifMatch)));
        return ok(accepted(kpiId, version));
    }

    @PostMapping("/{kpiId}/retirement")
    @Operation(summary = "Retire a KPI after a fiscal year by decision; its figures stay, none of a later year is taken")
    ResponseEntity<Accepted> retire(
            @PathVariable KpiId kpiId,
            @Valid @RequestBody KpiRequests.Retirement request) {
        long version = commands.send(new RetireKpiCommand(kpiId, request.lastFiscalYear(), request.reason().strip(),
                request.decisionReference().strip()));
        return accepted(URI.create("/api/v1/kpis/" + kpiId), accepted(kpiId, version));
    }

    private Accepted accepted(KpiId kpiId, long version) {
        return new Accepted(kpiId, version, positions.lastOf(kpiId.value()));
    }

    private static ResponseEntity<Accepted> accepted(URI location, Accepted body) {
        return ResponseEntity.created(location).header(HttpHeaders.ETAG, EntityTags.of(body.version())).body(body);
    }

    private static ResponseEntity<Accepted> ok(Accepted body) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, EntityTags.of(body.version())).body(body);
    }
}
