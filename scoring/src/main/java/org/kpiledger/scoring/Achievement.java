package org.kpiledger.scoring;

import java.math.BigDecimal;

/**
 * How far a KPI has come, from its latest actual and the target in force, graded by a scoring policy.
 *
 * @param fiscalYear       the latest fiscal year with an actual; null when there is none
 * @param actual           that actual
 * @param progressRate     (actual − baseline) / (target − baseline), not clamped; actual / target for a cumulative
 *                         or annual KPI without a measured baseline; null for a maintain KPI, or a level KPI without
 *                         a measured baseline
 * @param expectedProgress the pro-rata share of the way from the baseline year to the target year at
 *                         {@code fiscalYear}; 1 from the target year on
 * @param achieved         whether the actual meets the target's comparator
 * @param grade            the policy's grade
 * @param category         what the grade counts as in roll-ups
 * @param scoringPolicy    the policy that graded it, as {@code id@version}
 */
public record Achievement(Integer fiscalYear, BigDecimal actual, BigDecimal progressRate, BigDecimal expectedProgress,
                          Boolean achieved, String grade, ScoringPolicy.Category category, String scoringPolicy) {
}
