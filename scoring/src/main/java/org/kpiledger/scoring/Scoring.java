package org.kpiledger.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.TargetComparator;

/**
 * The one place where a KPI's achievement is computed: a pure function of the KPI's definition, the target in
 * force, its latest actual and a scoring policy, used by every view so that none can disagree. See the README's
 * "Achievement and scoring" for the rules with a worked example of each shape.
 */
public final class Scoring {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int SHOWN_DECIMALS = 4;

    private Scoring() {
    }

    /** What a KPI is, for grading: the baseline's value is null while it is not measured. */
    public record Kpi(Accumulation accumulation, Direction direction, int baselineYear, BigDecimal baselineValue,
                      int targetYear, BigDecimal targetValue, TargetComparator comparator) {
    }

    public static Achievement achievement(Kpi kpi, Integer latestYear, BigDecimal latestActual, ScoringPolicy policy) {
        String policyName = policy.id() + "@" + policy.version();
        if (latestYear == null || latestActual == null) {
            return new Achievement(null, null, null, null, null, policy.notMeasured().grade(),
                    policy.notMeasured().category(), policyName);
        }
        BigDecimal progressRate = progressRate(kpi, latestActual);
        BigDecimal expected = expectedProgress(kpi, latestYear);
        boolean achieved = meets(latestActual, kpi.comparator(), kpi.targetValue());
        ScoringPolicy.Outcome outcome = achieved ? policy.achieved() : grade(kpi, latestActual, progressRate, expected,
                policy);
        return new Achievement(latestYear, latestActual, shown(progressRate), shown(expected), achieved,
                outcome.grade(), outcome.category(), policyName);
    }

    static BigDecimal progressRate(Kpi kpi, BigDecimal actual) {
        if (kpi.baselineValue() == null) {
            return kpi.accumulation() == Accumulation.LEVEL || kpi.targetValue().signum() == 0
                    ? null
                    : actual.divide(kpi.targetValue(), PRECISION);
        }
        BigDecimal distance = kpi.targetValue().subtract(kpi.baselineValue());
        return distance.signum() == 0 ? null : actual.subtract(kpi.baselineValue()).divide(distance, PRECISION);
    }

    static BigDecimal expectedProgress(Kpi kpi, int fiscalYear) {
        int span = kpi.targetYear() - kpi.baselineYear();
        int elapsed = Math.min(Math.max(fiscalYear - kpi.baselineYear(), 0), span);
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(span), PRECISION);
    }

    static boolean meets(BigDecimal actual, TargetComparator comparator, BigDecimal target) {
        int comparison = actual.compareTo(target);
        return switch (comparator) {
            case AT_LEAST -> comparison >= 0;
            case MORE_THAN -> comparison > 0;
            case AT_MOST -> comparison <= 0;
            case EXACTLY -> comparison == 0;
        };
    }

    private static ScoringPolicy.Outcome grade(Kpi kpi, BigDecimal actual, BigDecimal progressRate,
                                               BigDecimal expected, ScoringPolicy policy) {
        boolean maintain = kpi.direction() == Direction.MAINTAIN
                || (kpi.baselineValue() != null && kpi.baselineValue().compareTo(kpi.targetValue()) == 0);
        if (maintain && kpi.baselineValue() != null) {
            BigDecimal deviation = actual.subtract(kpi.baselineValue()).abs();
            BigDecimal allowed = kpi.baselineValue().abs().multiply(policy.maintain().tolerance());
            return deviation.compareTo(allowed) <= 0 ? policy.maintain().within() : policy.maintain().outside();
        }
        boolean gradesByProgress = policy.bands().stream().anyMatch(band -> band.minShareOfExpected() != null);
        if (progressRate == null && gradesByProgress) {
            return policy.notGradable();
        }
        for (ScoringPolicy.Band band : policy.bands()) {
            if (earns(band, kpi, actual, progressRate, expected)) {
                return new ScoringPolicy.Outcome(band.grade(), band.category());
            }
        }
        throw new IllegalStateException("policy " + policy.id() + " has no band without a criterion");
    }

    /** Whether every criterion the band names holds; one that cannot be decided (no baseline) does not. */
    private static boolean earns(ScoringPolicy.Band band, Kpi kpi, BigDecimal actual, BigDecimal progressRate,
            BigDecimal expected) {
        if (band.minShareOfExpected() != null
                && (progressRate == null || !reaches(progressRate, expected, band.minShareOfExpected()))) {
            return false;
        }
        boolean decreasing = kpi.direction() == Direction.DECREASE;
        if (band.minShareOfTarget() != null) {
            BigDecimal numerator = decreasing ? kpi.targetValue() : actual;
            BigDecimal denominator = decreasing ? actual : kpi.targetValue();
            if (denominator.signum() <= 0
                    || numerator.divide(denominator, PRECISION).compareTo(band.minShareOfTarget()) < 0) {
                return false;
            }
        }
        BigDecimal baseline = kpi.baselineValue();
        if (Boolean.TRUE.equals(band.aboveBaseline())
                && (baseline == null || (decreasing ? actual.compareTo(baseline) >= 0 : actual.compareTo(baseline) <= 0))) {
            return false;
        }
        return band.withinBaselineTolerance() == null || baseline != null && actual.subtract(baseline).abs()
                .compareTo(baseline.abs().multiply(band.withinBaselineTolerance())) <= 0;
    }

    /** Whether progress is at least {@code share} of what was expected by now; nothing is expected in year 0. */
    private static boolean reaches(BigDecimal progressRate, BigDecimal expected, BigDecimal share) {
        return expected.signum() == 0
                ? progressRate.signum() >= 0
                : progressRate.compareTo(expected.multiply(share, PRECISION)) >= 0;
    }

    private static BigDecimal shown(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(SHOWN_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
