package org.kpiledger.command.strategy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpiledger.command.scoring.DefinedScoringPolicies;
import org.kpiledger.command.strategy.PolicyAlreadyInForceException;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.AdoptScoringPolicyCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.LedgerText;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write API of strategies: adopting a scoring policy from a fiscal year on. */
@RestController
@RequestMapping("/api/v1/strategies/{planId}")
@Tag(name = "Strategy commands", description = "Adopt the scoring policy a strategy's KPIs are graded with")
class StrategyCommandController {

    private final CommandDispatcher commands;
    private final DefinedScoringPolicies policies;
    private final EventPositions positions;

    StrategyCommandController(CommandDispatcher commands, DefinedScoringPolicies policies, EventPositions positions) {
        this.commands = commands;
        this.policies = policies;
        this.positions = positions;
    }

    @PostMapping("/scoring-policies")
    @Operation(summary = "Adopt a scoring policy (id and version) from a fiscal year on")
    ResponseEntity<Adopted> adopt(@PathVariable PlanId planId, @Valid @RequestBody AdoptPolicy request) {
        if (policies.find(request.policyId(), request.version()).isEmpty()) {
            throw new InvalidFieldException("policyId", "No scoring policy " + request.policyId() + " version "
                    + request.version() + " is shipped or defined; GET /api/v1/scoring-policies lists them.");
        }
        commands.send(new AdoptScoringPolicyCommand(planId, request.policyId(), request.version(),
                request.effectiveFrom()));
        return ResponseEntity.created(URI.create("/api/v1/strategies/" + planId))
                .body(new Adopted(planId.value(), request.policyId(), request.version(),
                        request.effectiveFrom().year(), positions.lastOf(planId.value())));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownStrategy(AggregateNotFoundException e) {
        return ProblemType.STRATEGY_NOT_FOUND.response(
                "No strategy " + e.getAggregateIdentifier() + " is in the ledger.", "planId");
    }

    @ExceptionHandler(PolicyAlreadyInForceException.class)
    ResponseEntity<ProblemDetail> alreadyInForce(PolicyAlreadyInForceException e) {
        return ProblemType.NOTHING_CHANGED.response(e.getMessage(), "policyId");
    }

    record AdoptPolicy(
            @NotBlank @LedgerText @Size(max = 64) String policyId,
            @NotNull @Positive Integer version,
            @NotNull FiscalYear effectiveFrom) {
    }

    /** The adoption as stored, and the global position of its event. */
    record Adopted(String planId, String policyId, int version, int effectiveFrom, long position) {
    }
}
