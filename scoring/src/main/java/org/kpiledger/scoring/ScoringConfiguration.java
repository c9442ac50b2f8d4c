package org.kpiledger.scoring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The shipped scoring policies, for the command side to check adoptions and the query side to grade. */
@AutoConfiguration
public class ScoringConfiguration {

    @Bean
    ScoringPolicies scoringPolicies() {
        return ScoringPolicies.shipped();
    }
}
