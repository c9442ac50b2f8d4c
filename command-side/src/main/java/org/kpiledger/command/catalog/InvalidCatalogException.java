package org.kpiledger.command.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog with at least one bad row; nothing of it was loaded. Names every bad row and field. */
public class InvalidCatalogException extends RuntimeException {

    private final List<RowProblem> problems;

    InvalidCatalogException(List<RowProblem> problems) {
        super(problems.size() + " problem(s) in the catalog; nothing was loaded: " + problems.stream()
                .limit(5).map(RowProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** {@code row} counts data rows from 1, as a spreadsheet shows them below the header. */
    public record RowProblem(long row, String field, String message) {
        @Override
        public String toString() {
            return "row " + row + ", " + field + ": " + message;
        }
    }
}
