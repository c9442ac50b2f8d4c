package org.kpiledger.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;

/**
 * Worked examples of every shape, from the KPIs of Shinagawa City's 2015 strategy: increase, decrease and maintain;
 * cumulative, annual and level; a measured, a missing and an inequality baseline; each comparator; a target year
 * before the plan's last one. Each row is graded by both shipped policies.
 */
class ScoringTest {

    private static final ScoringPolicies POLICIES = ScoringPolicies.shipped();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # example                                         | accumulation | direction | base year | base  | target year | target | comparator | year | actual | progressRate | expectedProgress | achieved | pro-rata-3 | sabc
            1-1-1-01 6→21 cumulative, on the line              | CUMULATIVE   | INCREASE  | 2014 | 6     | 2019 | 21    | AT_LEAST  | 2017 | 15    | 0.6     | 0.6    | false | 概ね順調 | A
            1-1-1-01 6→21 cumulative, a third of the way        | CUMULATIVE   | INCREASE  | 2014 | 6     | 2019 | 21    | AT_LEAST  | 2017 | 9     | 0.2     | 0.6    | false | 要改善   | C
            1-1-1-01 6→21 cumulative, target met                | CUMULATIVE   | INCREASE  | 2014 | 6     | 2019 | 21    | AT_LEAST  | 2019 | 21    | 1       | 1      | true  | 達成     | S
            1-1-1-01 an actual of the baseline year             | CUMULATIVE   | INCREASE  | 2014 | 6     | 2019 | 21    | AT_LEAST  | 2014 | 6     | 0       | 0      | false | 概ね順調 | A
            1-1-4-01 6→10 annual, ahead of the line             | ANNUAL       | INCREASE  | 2014 | 6     | 2019 | 10    | AT_LEAST  | 2016 | 8     | 0.5     | 0.4    | false | 概ね順調 | A
            3-1-1-01 —→4,100 annual, no baseline                | ANNUAL       | INCREASE  | 2014 | null  | 2019 | 4100  | AT_LEAST  | 2016 | 1640  | 0.4     | 0.4    | false | 概ね順調 | A
            1-1-2-01 —→10 cumulative, no baseline, behind       | CUMULATIVE   | INCREASE  | 2014 | null  | 2019 | 10    | AT_LEAST  | 2016 | 2     | 0.2     | 0.4    | false | 要改善   | B
            1-1-5-01 —→160 level, no baseline: not gradable     | LEVEL        | INCREASE  | 2014 | null  | 2019 | 160   | AT_LEAST  | 2016 | 100   | null    | 0.4    | false | 判定不能 | -
            1-1-5-01 —→160 level, no baseline, target met       | LEVEL        | INCREASE  | 2014 | null  | 2019 | 160   | AT_LEAST  | 2019 | 170   | null    | 1      | true  | 達成     | S
            2-2-1-01 9.4%→80%超 (FY2018), level                 | LEVEL        | INCREASE  | 2014 | 9.4   | 2018 | 80    | MORE_THAN | 2017 | 60    | 0.7167  | 0.75   | false | 概ね順調 | A
            2-2-1-01 exactly 80% is not more than 80%           | LEVEL        | INCREASE  | 2014 | 9.4   | 2018 | 80    | MORE_THAN | 2018 | 80    | 1       | 1      | false | 概ね順調 | A
            2-2-1-01 80.1% is more than 80%                     | LEVEL        | INCREASE  | 2014 | 9.4   | 2018 | 80    | MORE_THAN | 2018 | 80.1  | 1.0014  | 1      | true  | 達成     | S
            2-2-1-01 a year past the target year                | LEVEL        | INCREASE  | 2014 | 9.4   | 2018 | 80    | MORE_THAN | 2019 | 70    | 0.8584  | 1      | false | 概ね順調 | B
            4-2-3-01 suicide rate 18→15, decrease, level        | LEVEL        | DECREASE  | 2014 | 18    | 2019 | 15    | AT_MOST   | 2016 | 17    | 0.3333  | 0.4    | false | 概ね順調 | B
            4-2-3-01 suicide rate down to 15: met               | LEVEL        | DECREASE  | 2014 | 18    | 2019 | 15    | AT_MOST   | 2016 | 15    | 1       | 0.4    | true  | 達成     | S
            4-4-1-02 25→4 会館, going backwards                 | LEVEL        | DECREASE  | 2014 | 25    | 2019 | 4     | AT_MOST   | 2017 | 26    | -0.0476 | 0.6    | false | 要改善   | C
            4-1-1-01 23,200 maintained, annual, met             | ANNUAL       | MAINTAIN  | 2014 | 23200 | 2019 | 23200 | AT_LEAST  | 2016 | 24000 | null    | 0.4    | true  | 達成     | S
            4-1-1-01 23,200 maintained, 5 % short               | ANNUAL       | MAINTAIN  | 2014 | 23200 | 2019 | 23200 | AT_LEAST  | 2016 | 22000 | null    | 0.4    | false | 要改善   | A
            4-1-1-01 23,200 maintained, 14 % short              | ANNUAL       | MAINTAIN  | 2014 | 23200 | 2019 | 23200 | AT_LEAST  | 2016 | 20000 | null    | 0.4    | false | 要改善   | C
            1-2-1-01 700件以上 (898件)→750件以上, met           | ANNUAL       | INCREASE  | 2014 | 700   | 2019 | 750   | AT_LEAST  | 2016 | 898   | 3.96    | 0.4    | true  | 達成     | S
            1-2-1-01 700件以上 (898件)→750件以上, on the line   | ANNUAL       | INCREASE  | 2014 | 700   | 2019 | 750   | AT_LEAST  | 2016 | 720   | 0.4     | 0.4    | false | 概ね順調 | A
            4-4-4-03 20件以上 (49件) maintained, met            | ANNUAL       | MAINTAIN  | 2014 | 20    | 2019 | 20    | AT_LEAST  | 2016 | 49    | null    | 0.4    | true  | 達成     | S
            3-1-1-03 家庭訪問率 84%→exactly 100%, met            | ANNUAL       | INCREASE  | 2014 | 84    | 2019 | 100   | EXACTLY   | 2019 | 100   | 1       | 1      | true  | 達成     | S
            3-1-1-03 家庭訪問率 84%→exactly 100%, 99%            | ANNUAL       | INCREASE  | 2014 | 84    | 2019 | 100   | EXACTLY   | 2019 | 99    | 0.9375  | 1      | false | 概ね順調 | A
            4-1-3-01 114→222 by FY2017, before the plan's end   | CUMULATIVE   | INCREASE  | 2014 | 114   | 2017 | 222   | AT_LEAST  | 2016 | 186   | 0.6667  | 0.6667 | false | 概ね順調 | A
            """)
    void gradesEveryShape(String example, Accumulation accumulation, Direction direction, int baselineYear,
                          BigDecimal baseline, int targetYear, BigDecimal target, TargetComparator comparator,
                          int year, BigDecimal actual, BigDecimal progressRate, BigDecimal expectedProgress,
                          boolean achieved, String proRataGrade, String sabcGrade) {
        Scoring.Kpi kpi = new Scoring.Kpi(accumulation, direction, baselineYear, baseline, targetYear, target,
                comparator);

        Achievement graded = Scoring.achievement(kpi, year, actual, POLICIES.find("pro-rata-3", 1).orElseThrow());

        assertThat(graded.fiscalYear()).isEqualTo(year);
        assertThat(graded.actual()).isEqualByComparingTo(actual);
        if (progressRate == null) {
            assertThat(graded.progressRate()).isNull();
        } else {
            assertThat(graded.progressRate()).isEqualByComparingTo(progressRate);
        }
        assertThat(graded.expectedProgress()).isEqualByComparingTo(expectedProgress);
        assertThat(graded.achieved()).isEqualTo(achieved);
        assertThat(graded.grade()).isEqualTo(proRataGrade);
        assertThat(graded.scoringPolicy()).isEqualTo("pro-rata-3@1");
        assertThat(Scoring.achievement(kpi, year, actual, POLICIES.find("sabc", 1).orElseThrow()).grade())
                .isEqualTo(sabcGrade);
    }

    @Test
    void aKpiWithoutActualIsNotMeasuredYet() {
        Scoring.Kpi kpi = new Scoring.Kpi(Accumulation.CUMULATIVE, Direction.INCREASE, 2014, BigDecimal.valueOf(6),
                2019, BigDecimal.valueOf(21), TargetComparator.AT_LEAST);

        Achievement graded = Scoring.achievement(kpi, null, null, POLICIES.defaultPolicy());

        assertThat(graded.grade()).isEqualTo("未測定");
        assertThat(graded.category()).isEqualTo(ScoringPolicy.Category.NOT_MEASURABLE);
        assertThat(graded.progressRate()).isNull();
        assertThat(graded.achieved()).isNull();
    }

    @Test
    void shipsTwoVersionedPoliciesWithTheDefaultFirst() {
        assertThat(POLICIES.all()).extracting(policy -> policy.id() + "@" + policy.version())
                .containsExactly("pro-rata-3@1", "sabc@1");
        assertThat(POLICIES.defaultPolicy().id()).isEqualTo("pro-rata-3");
    }
}
