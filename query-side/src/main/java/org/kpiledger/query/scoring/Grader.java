package org.kpiledger.query.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.scoring.Achievement;
import org.kpiledger.scoring.Scoring;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grades KPIs for the read API with {@link Scoring}, under the policy in force for each actual: the latest adoption
 * of the KPI's plan whose fiscal year is not after the actual's, or the default policy where there is none (also
 * for a KPI that stands alone).
 */
@Component
public class Grader {

    private final JdbcTemplate jdbc;
    private final DefinedPolicies policies;

    Grader(JdbcTemplate jdbc, DefinedPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** The adoptions of every plan in force at an instant, read once per request. */
    public Adoptions load(AsOf asOf) {
        Map<String, List<Adoption>> byPlan = new HashMap<>();
        long[] position = {0};
        jdbc.query("select plan_id, effective_from, policy_id, policy_version, position "
                + "from scoring_policy_adoption_version where valid @> ?::timestamptz", row -> {
                    byPlan.computeIfAbsent(row.getString(1), plan -> new ArrayList<>()).add(new Adoption(
                            row.getInt(2), row.getString(3), row.getInt(4)));
                    position[0] = Math.max(position[0], row.getLong(5));
                }, asOf.sqlValue());
        byPlan.values().forEach(adoptions -> adoptions.sort(Comparator.comparingInt(Adoption::effectiveFrom)));
        return new Adoptions(byPlan, policies.all(), position[0]);
    }

    public record Adoption(int effectiveFrom, String policyId, int policyVersion) {
    }

    /** The adoptions of every plan, and the highest position among them. */
    public record Adoptions(Map<String, List<Adoption>> byPlan, ScoringPolicies policies, long position) {

        public Achievement grade(String planId, Scoring.Kpi kpi, Integer latestYear, BigDecimal latestActual) {
            return Scoring.achievement(kpi, latestYear, latestActual, inForce(planId, latestYear));
        }

        /** The policy in force for a fiscal year; with no actual yet, the plan's latest adoption. */
        ScoringPolicy inForce(String planId, Integer fiscalYear) {
            int year = fiscalYear == null ? Integer.MAX_VALUE : fiscalYear;
            return byPlan.getOrDefault(planId, List.of()).stream()
                    .filter(adoption -> adoption.effectiveFrom() <= year)
                    .reduce((earlier, later) -> later)
                    .flatMap(adoption -> policies.find(adoption.policyId(), adoption.policyVersion()))
                    .orElse(policies.defaultPolicy());
        }

        public List<Adoption> of(String planId) {
            return byPlan.getOrDefault(planId, List.of());
        }
    }
}
