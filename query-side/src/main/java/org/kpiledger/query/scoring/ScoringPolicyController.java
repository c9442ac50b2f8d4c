package org.kpiledger.query.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scoring policies the ledger ships, as the data they are. */
@RestController
@RequestMapping("/api/v1/scoring-policies")
@Tag(name = "Scoring policies", description = "How achievement is graded")
class ScoringPolicyController {

    private final ScoringPolicies policies;

    ScoringPolicyController(ScoringPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "Every shipped scoring policy, by id and version; pro-rata-3 version 1 is the default")
    Policies list() {
        return new Policies(policies.defaultPolicy().id() + "@" + policies.defaultPolicy().version(),
                policies.all());
    }

    record Policies(String defaultPolicy, List<ScoringPolicy> policies) {
    }
}
