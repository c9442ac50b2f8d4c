package org.kpiledger.command.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a bulk of figures did, or would do: every row's outcome in the order sent, and the counts. A refused row
 * carries the problem's {@code code} and {@code field}; a dry run adds the achievement each figure would give.
 */
public record FiguresResult(List<Row> results, int recorded, int corrected, int unchanged, int refused) {

    /** One row's outcome: {@code RECORDED}, {@code CORRECTED}, {@code UNCHANGED} or {@code REFUSED}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String kpiId, String outcome, String code, String field, String detail, Long version,
                      BigDecimal progressRate, String grade) {
    }

    static FiguresResult of(List<Row> rows) {
        return new FiguresResult(List.copyOf(rows), count(rows, "RECORDED"), count(rows, "CORRECTED"),
                count(rows, "UNCHANGED"), count(rows, "REFUSED"));
    }

    private static int count(List<Row> rows, String outcome) {
        return (int) rows.stream().filter(row -> row.outcome().equals(outcome)).count();
    }
}
