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
import org.kpiledger.command.strategy.InvalidStrategyException;
import org.kpiledger.command.strategy.PolicyAlreadyInForceException;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.AdoptScoringPolicyCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.RetireStrategyPartCommand;
import org.kpiledger.events.strategy.RevisePlanPeriodCommand;
import org.kpiledger.events.strategy.StrategyPart;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.LedgerText;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API of strategies: adopting a scoring policy from a fiscal year on, and the decisions that revise a plan
 * over time (its period, its parts retired).
 */
@RestController
@RequestMapping("/api/v1/strategies/{planId}")
@Tag(name = "Strategy commands", description = "Adopt a scoring policy; revise a plan's period; retire its parts")
class StrategyCommandController {

    private final CommandDispatcher commands;
    private final DefinedScoringPolicies policies;
    private final EventPositions positions;

    StrategyCommandController(CommandDispatcher commands, DefinedScoringPolicies policies, EventPositions positions) {
        this.commands = commands;
        this.policies = policies;
        this.positions = positions;
    }

    @PutMapping("/period")
    @Operation(summary = "Extend or shorten the plan's period by decision (never before a year with an actual)")
    ResponseEntity<Revised> revisePeriod(@PathVariable PlanId planId, @Valid @RequestBody PeriodRevision request) {
        commands.send(new RevisePlanPeriodCommand(planId, request.lastYear(), request.reason(),
                request.decisionReference()));
        return ResponseEntity.ok(new Revised(planId.value(), positions.lastOf(planId.value())));
    }

    @PostMapping("/goals/{number}/retirement")
    @Operation(summary = "Retire a basic goal by decision; it stays in the plan's history, marked retired")
    ResponseEntity<Revised> retireGoal(@PathVariable PlanId planId, @PathVariable int number,
            @Valid @RequestBody Decision request) {
        return retire(planId, StrategyPart.GOAL, Integer.toString(number), request);
    }

    @PostMapping("/policies/{code}/retirement")
    @Operation(summary = "Retire a basic policy by decision")
    ResponseEntity<Revised> retirePolicy(@PathVariable PlanId planId, @PathVariable String code,
            @Valid @RequestBody Decision request) {
        return retire(planId, StrategyPart.POLICY, code, request);
    }

    @PostMapping("/policies/{code}/measures/{number}/retirement")
    @Operation(summary = "Retire a measure by decision")
    ResponseEntity<Revised> retireMeasure(@PathVariable PlanId planId, @PathVariable String code,
            @PathVariable int number, @Valid @RequestBody Decision request) {
        return retire(planId, StrategyPart.MEASURE, code + "/" + number, request);
    }

    private ResponseEntity<Revised> retire(PlanId planId, StrategyPart part, String code, Decision request) {
        commands.send(new RetireStrategyPartCommand(planId, part, code, request.reason(),
                request.decisionReference()));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/strategies/" + planId))
                .body(new Revised(planId.value(), positions.lastOf(planId.value())));
    }

    @ExceptionHandler(InvalidStrategyException.class)
    ResponseEntity<ProblemDetail> refused(InvalidStrategyException e) {
        return e.code().response(e.getMessage(), e.field());
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

    record PeriodRevision(
            @NotNull FiscalYear lastYear,
            @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
            @NotBlank @LedgerText @Size(max = 200) String decisionReference) {
    }

    record Decision(
            @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
            @NotBlank @LedgerText @Size(max = 200) String decisionReference) {
    }

    /** The plan's id and the global position of the decision's event. */
    record Revised(String planId, long position) {
    }

    /** The adoption as stored, and the global position of its event. */
    record Adopted(String planId, String policyId, int version, int effectiveFrom, long position) {
    }
}
