package org.kpiledger.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;

/**
 * Cities' own grading rules written as data in the form of the shipped policies (issue 20): Kitsuki's share of the
 * target, Nagayo's comparison with the baseline, and what a badly written policy is told.
 */
class CityScoringPoliciesTest {

    /** Kitsuki: A when the target is met, B at least 80 % of the target, C below. */
    static final String KITSUKI = """
            {"id": "kitsuki", "version": 1, "title": "A / B / C (杵築市)",
             "description": "A: 目標達成, B: 目標値の80%以上, C: それ以下",
             "achieved": {"grade": "A", "category": "ACHIEVED"},
             "bands": [{"minShareOfExpected": null, "minShareOfTarget": 0.8, "grade": "B", "category": "ON_TRACK"},
                       {"minShareOfExpected": null, "grade": "C", "category": "BEHIND"}],
             "maintain": {"tolerance": 0, "within": {"grade": "B", "category": "ON_TRACK"},
                          "outside": {"grade": "C", "category": "BEHIND"}},
             "notMeasured": {"grade": "-", "category": "NOT_MEASURABLE"},
             "notGradable": {"grade": "-", "category": "NOT_MEASURABLE"}}""";

    /** Nagayo: S above the target, A above the baseline, B within ±10 % of it, C below. */
    static final String NAGAYO = """
            {"id": "nagayo", "version": 1, "title": "S / A / B / C (長与町)",
             "achieved": {"grade": "S", "category": "ACHIEVED"},
             "bands": [{"minShareOfExpected": null, "aboveBaseline": true, "grade": "A", "category": "ON_TRACK"},
                       {"minShareOfExpected": null, "withinBaselineTolerance": 0.1, "grade": "B", "category": "BEHIND"},
                       {"minShareOfExpected": null, "grade": "C", "category": "BEHIND"}],
             "maintain": {"tolerance": 0.1, "within": {"grade": "A", "category": "ON_TRACK"},
                          "outside": {"grade": "C", "category": "BEHIND"}},
             "notMeasured": {"grade": "-", "category": "NOT_MEASURABLE"},
             "notGradable": {"grade": "-", "category": "NOT_MEASURABLE"}}""";

    private static final Scoring.Kpi TO_INCREASE = new Scoring.Kpi(Accumulation.LEVEL, Direction.INCREASE, 2014,
            BigDecimal.valueOf(100), 2019, BigDecimal.valueOf(200), TargetComparator.AT_LEAST);
    private static final Scoring.Kpi TO_DECREASE = new Scoring.Kpi(Accumulation.LEVEL, Direction.DECREASE, 2014,
            BigDecimal.valueOf(100), 2019, BigDecimal.valueOf(50), TargetComparator.AT_MOST);

    private static String grade(Scoring.Kpi kpi, int actual, String policy) {
        return Scoring.achievement(kpi, 2016, BigDecimal.valueOf(actual), ScoringPolicies.parse(policy)).grade();
    }

    @Test
    void gradesByTheShareOfTheTargetAsKitsukiDoes() {
        assertThat(grade(TO_INCREASE, 200, KITSUKI)).isEqualTo("A");
        assertThat(grade(TO_INCREASE, 170, KITSUKI)).as("85 % of the target").isEqualTo("B");
        assertThat(grade(TO_INCREASE, 150, KITSUKI)).as("75 %").isEqualTo("C");
        assertThat(grade(TO_DECREASE, 60, KITSUKI)).as("50 is 83 % of 60").isEqualTo("B");
        assertThat(grade(TO_DECREASE, 70, KITSUKI)).as("50 is 71 % of 70").isEqualTo("C");
    }

    @Test
    void gradesByTheBaselineAsNagayoDoes() {
        assertThat(grade(TO_INCREASE, 210, NAGAYO)).isEqualTo("S");
        assertThat(grade(TO_INCREASE, 120, NAGAYO)).as("above the baseline").isEqualTo("A");
        assertThat(grade(TO_INCREASE, 95, NAGAYO)).as("within 10 % of it").isEqualTo("B");
        assertThat(grade(TO_INCREASE, 80, NAGAYO)).isEqualTo("C");
        assertThat(grade(TO_DECREASE, 90, NAGAYO)).as("below the baseline of a KPI to decrease").isEqualTo("A");
        assertThat(grade(TO_DECREASE, 108, NAGAYO)).isEqualTo("B");
    }

    @Test
    void aCitysPolicyJoinsTheShippedOnesWithoutReplacingOne() {
        ScoringPolicies all = ScoringPolicies.shipped().with(List.of(ScoringPolicies.parse(KITSUKI),
                ScoringPolicies.parse(KITSUKI.replace("\"version\": 1", "\"version\": 2"))));

        assertThat(all.find("kitsuki", 2)).isPresent();
        assertThat(all.all()).hasSize(4);
        assertThat(ScoringPolicies.parse(KITSUKI).problems()).isEmpty();
        assertThat(ScoringPolicies.shipped().all()).allSatisfy(policy -> assertThat(policy.problems()).isEmpty());
    }

    @Test
    void namesEveryFieldABadPolicyGetsWrong() {
        ScoringPolicy bad = ScoringPolicies.parse(NAGAYO.replace("\"version\": 1", "\"version\": 0")
                .replace("\"aboveBaseline\": true, \"grade\": \"A\"", "\"minShareOfTarget\": -1, \"grade\": \"\"")
                .replace("\"tolerance\": 0.1", "\"tolerance\": 2"));

        assertThat(bad.problems()).extracting(ScoringPolicy.Problem::field).containsExactly("version",
                "bands[0].grade", "bands[0].minShareOfTarget", "maintain.tolerance");
        assertThatThrownBy(() -> ScoringPolicies.parse(NAGAYO.replace("\"grade\": \"C\", \"category\": \"BEHIND\"}]",
                "\"grade\": \"C\", \"category\": \"BEHIND\", \"aboveBaseline\": true}]")))
                .as("the last band names a criterion: some KPI would get no grade")
                .hasMessageContaining("last band");
        assertThatThrownBy(() -> ScoringPolicies.parse(KITSUKI.replace("\"title\"", "\"titel\"")))
                .as("a misspelt field is refused, not ignored").hasMessageContaining("titel");
    }
}
