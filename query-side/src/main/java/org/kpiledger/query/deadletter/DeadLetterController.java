package org.kpiledger.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints: see what the projections could not handle, and hand it back to them after a fix. */
@RestController
@RequestMapping("/api/v1/operations/dead-letters")
@Tag(name = "Operations", description = "Dead letters and rebuilds of the query side's projections")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every parked event, by processing group and KPI, with the cause")
    DeadLetterList list() {
        return new DeadLetterList(deadLetters.list());
    }

    @PostMapping("/retry")
    @Operation(summary = "Hand every parked sequence back to its projection; what fails again stays parked")
    RetryOutcome retry() {
        return new RetryOutcome(deadLetters.retry());
    }

    record DeadLetterList(List<DeadLetters.DeadLetterView> deadLetters) {
    }

    record RetryOutcome(List<DeadLetters.RetryResult> processingGroups) {
    }
}
