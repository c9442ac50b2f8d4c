package org.kpiledger.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A way of grading a KPI's progress, as data: which grade the target met earns, the bands by share of the pro-rata
 * expectation (highest first; the last band has no minimum), the tolerance around the baseline for maintain KPIs,
 * and the grades for a KPI not measured yet or not gradable. Identified by id and version: an adopted policy never
 * changes, a changed one is a new version.
 */
public record ScoringPolicy(String id, int version, String title, String description, Outcome achieved,
                            List<Band> bands, Maintain maintain, Outcome notMeasured, Outcome notGradable) {

    public ScoringPolicy {
        bands = List.copyOf(bands);
        if (bands.isEmpty() || bands.get(bands.size() - 1).minShareOfExpected() != null) {
            throw new IllegalArgumentException("policy " + id + " v" + version
                    + ": the last band must have no minimum, so that every share gets a grade");
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

    /** At least {@code minShareOfExpected} (progress rate / expected progress) earns this grade. */
    public record Band(BigDecimal minShareOfExpected, String grade, Category category) {
    }

    /** A maintain KPI within {@code tolerance} (a fraction of the baseline) of its baseline is {@code within}. */
    public record Maintain(BigDecimal tolerance, Outcome within, Outcome outside) {
    }
}
