package org.kpiledger.query.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scoring policies the ledger ships and those the city defined, as the data they are. */
@RestController
@RequestMapping("/api/v1/scoring-policies")
@Tag(name = "Scoring policies", description = "How achievement is graded")
class ScoringPolicyController {

    private final DefinedPolicies policies;

    ScoringPolicyController(DefinedPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "Every scoring policy, shipped or defined by the city, by id and version; pro-rata-3 "
            + "version 1 is the default")
    Policies list() {
        ScoringPolicies all = policies.all();
        return new Policies(all.defaultPolicy().id() + "@" + all.defaultPolicy().version(), all.all());
    }

    record Policies(String defaultPolicy, List<ScoringPolicy> policies) {
    }
}
