package org.kpiledger.query.scoring;

import org.kpiledger.scoring.ScoringPolicies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The shipped scoring policies and those cities defined, as the read side grades with them now. */
@Component
public class DefinedPolicies {

    private final ScoringPolicies shipped;
    private final JdbcTemplate jdbc;

    DefinedPolicies(ScoringPolicies shipped, JdbcTemplate jdbc) {
        this.shipped = shipped;
        this.jdbc = jdbc;
    }

    public ScoringPolicies all() {
        return shipped.with(jdbc.query("select definition from scoring_policy_definition order by policy_id, version",
                (row, n) -> ScoringPolicies.parse(row.getString(1))));
    }
}
