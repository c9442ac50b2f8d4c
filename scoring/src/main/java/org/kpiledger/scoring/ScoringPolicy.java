package org.kpiledger.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A way of grading a KPI's progress, as data: which grade the target met earns, the bands (highest first, each
 * with the criteria that earn it; the last names none), the tolerance around the baseline for maintain KPIs, and the
 * grades for a KPI not measured yet or not gradable. Identified by id and version: a policy version never changes,
 * a changed one is a new version. The ledger ships some; a city defines its own in the same form.
 */
public record ScoringPolicy(String id, int version, String title, String description, Outcome achieved,
                            List<Band> bands, Maintain maintain, Outcome notMeasured, Outcome notGradable) {

    public ScoringPolicy {
        bands = bands == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bands));
        if (bands.isEmpty() || bands.get(bands.size() - 1) == null || !bands.get(bands.size() - 1).catchesAll()) {
            throw new IllegalArgumentException("the last band must name no criterion, so that every KPI gets a "
                    + "grade");
        }
    }

    /** What a grade counts as in the roll-ups of a strategy's measures, policies and goals. */
    public enum Category {
        ACHIEVED,
        ON_TRACK,
        BEHIND,
        NOT_MEASURABLE
    }

    public record Outcome(String grade, Category category) {
    }

    /**
     * A grade and what earns it: every criterion the band names must hold (a band naming none is the last, which
     * catches the rest). The shipped policies use the first only; a city's rule may need the others.
     *
     * @param minShareOfExpected the progress rate at least this share of the pro-rata expectation (達成率 / 期待進捗)
     * @param minShareOfTarget the actual at least this share of the target (for a KPI to decrease: the target at
     *     least this share of the actual), as Kitsuki's "B: at least 80 % of the target"
     * @param aboveBaseline the actual better than the baseline (above it, or below it for a KPI to decrease), as
     *     Nagayo's "A: above the baseline"
     * @param withinBaselineTolerance the actual within this fraction of the baseline either way, as Nagayo's "B: within
     *     ±10 % of the baseline"
     */
    public record Band(BigDecimal minShareOfExpected, String grade, Category category,
                       @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal minShareOfTarget,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean aboveBaseline,
                       @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal withinBaselineTolerance) {

        public Band(BigDecimal minShareOfExpected, String grade, Category category) {
            this(minShareOfExpected, grade, category, null, null, null);
        }

        /** Whether the band names no criterion: the last band, which every share reaches. */
        public boolean catchesAll() {
            return minShareOfExpected == null && minShareOfTarget == null && !Boolean.TRUE.equals(aboveBaseline)
                    && withinBaselineTolerance == null;
        }
    }

    /**
     * What is wrong with this policy as a city defined it, each with the field at fault ({@code bands[1].grade});
     * empty when it can be adopted. The shipped policies pass.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem("id", "An id is 1 to 64 lower-case letters, digits, '.', '_' or '-'."));
        }
        if (version < 1 || version > 9999) {
            problems.add(new Problem("version", "A version is 1 to 9999."));
        }
        text(problems, "title", title, 200, true);
        text(problems, "description", description, 2000, false);
        outcome(problems, "achieved", achieved);
        outcome(problems, "notMeasured", notMeasured);
        outcome(problems, "notGradable", notGradable);
        if (bands.size() > 20) {
            problems.add(new Problem("bands", "A policy has at most 20 bands."));
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String field = "bands[" + i + "]";
            if (band == null) {
                problems.add(new Problem(field, "A band is required here."));
                continue;
            }
            outcome(problems, field, new Outcome(band.grade(), band.category()));
            share(problems, field + ".minShareOfExpected", band.minShareOfExpected(), TEN);
            share(problems, field + ".minShareOfTarget", band.minShareOfTarget(), TEN);
            share(problems, field + ".withinBaselineTolerance", band.withinBaselineTolerance(), BigDecimal.ONE);
            if (i < bands.size() - 1 && band.catchesAll()) {
                problems.add(new Problem(field, "Only the last band may name no criterion: the bands after it would "
                        + "never be reached."));
            }
        }
        if (maintain == null) {
            problems.add(new Problem("maintain", "The rule for a KPI to maintain is required."));
        } else {
            share(problems, "maintain.tolerance", maintain.tolerance(), BigDecimal.ONE);
            if (maintain.tolerance() == null) {
                problems.add(new Problem("maintain.tolerance", "A tolerance (0 to 1) is required."));
            }
            outcome(problems, "maintain.within", maintain.within());
            outcome(problems, "maintain.outside", maintain.outside());
        }
        return problems;
    }

    /** A field of a policy and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final BigDecimal TEN = BigDecimal.TEN;

    private static void text(List<Problem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "A " + field + " is required."));
            }
        } else if (value.length() > max) {
            problems.add(new Problem(field, "At most " + max + " characters."));
        }
    }

    private static void outcome(List<Problem> problems, String field, Outcome outcome) {
        if (outcome == null) {
            problems.add(new Problem(field, "A grade and its category are required."));
            return;
        }
        text(problems, field + ".grade", outcome.grade(), 32, true);
        if (outcome.category() == null) {
            problems.add(new Problem(field + ".category", "A category (ACHIEVED, ON_TRACK, BEHIND, NOT_MEASURABLE) "
                    + "is required."));
        }
    }

    private static void share(List<Problem> problems, String field, BigDecimal value, BigDecimal max) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
            problems.add(new Problem(field, "Between 0 and " + max.toPlainString() + "."));
        }
    }

    /** A maintain KPI within {@code tolerance} (a fraction of the baseline) of its baseline is {@code within}. */
    public record Maintain(BigDecimal tolerance, Outcome within, Outcome outside) {
    }
}
