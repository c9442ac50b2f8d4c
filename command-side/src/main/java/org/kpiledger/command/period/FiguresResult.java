package org.kpiledger.command.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a bulk of figures did, or would do: every row's outcome in the order sent, and the counts. A refused row
 * carries the problem's {@code code} and {@code field}; a dry run adds the achievement each figure would give
 * ({@code progressRate}, {@code grade}) and the grade the KPI has now ({@code previousGrade}). A
 * stored bulk answers the {@code position} of its last event (for {@code minPosition}).
 */
public record FiguresResult(List<Row> results, int recorded, int corrected, int unchanged, int refused,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long position) {

    /** One row's outcome: {@code RECORDED}, {@code CORRECTED}, {@code UNCHANGED} or {@code REFUSED}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String kpiId, String outcome, String code, String field, String detail, Long version,
                      BigDecimal progressRate, String grade, String previousGrade) {
    }

    static FiguresResult of(List<Row> rows) {
        return new FiguresResult(List.copyOf(rows), count(rows, "RECORDED"), count(rows, "CORRECTED"),
                count(rows, "UNCHANGED"), count(rows, "REFUSED"), null);
    }

    /** The same, with the position of the last event stored, for a read that must include them. */
    public FiguresResult at(long storedUpTo) {
        return new FiguresResult(results, recorded, corrected, unchanged, refused, storedUpTo);
    }

    private static int count(List<Row> rows, String outcome) {
        return (int) rows.stream().filter(row -> row.outcome().equals(outcome)).count();
    }
}
