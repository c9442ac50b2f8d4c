package org.kpiledger.command.period.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.platform.web.InvalidFieldException;

/**
 * The effect verification sheet the export produces ({@code GET /api/v1/kpis?format=xlsx&fiscalYear=2016}), with
 * the year's column filled in, read back as rows of figures: the KPI id from the column {@code KPI番号 KPI id}, the
 * figure from {@code 2016年度実績 …}, the reason of a correction from {@code 訂正理由 reason} when the sheet has it.
 * A row whose year cell is empty is not a figure and is left out; a cell that is not a number is sent on as none, so
 * that its row is refused for it. Columns are found by their headers, so a sheet whose columns were moved still reads.
 */
final class EffectVerificationSheet {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private EffectVerificationSheet() {
    }

    static List<PeriodRequests.FigureLine> lines(byte[] xlsx, FiscalYear fiscalYear) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            List<Row> rows = stream.toList();
            if (rows.isEmpty()) {
                throw new InvalidFieldException("body", "The sheet is empty.");
            }
            Row header = rows.get(0);
            int kpiColumn = column(header, "KPI番号", "kpiId").orElseThrow(() -> new InvalidFieldException("body",
                    "The sheet has no column \"KPI番号 KPI id\"."));
            String yearHeader = fiscalYear.year() + "年度実績";
            int valueColumn = column(header, yearHeader, "value").orElseThrow(() -> new InvalidFieldException("body",
                    "The sheet has no column for " + fiscalYear + " (\"" + yearHeader + "\"); export it with "
                            + "?fiscalYear=" + fiscalYear.year() + "."));
            Optional<Integer> reasonColumn = column(header, "訂正理由", "reason");
            List<PeriodRequests.FigureLine> lines = new ArrayList<>();
            for (Row row : rows.subList(1, rows.size())) {
                String kpiId = text(row, kpiColumn);
                Optional<Cell> value = row.getOptionalCell(valueColumn)
                        .filter(cell -> cell.getType() != CellType.EMPTY && !cell.getText().isBlank());
                if (kpiId == null || value.isEmpty()) {
                    continue;
                }
                lines.add(new PeriodRequests.FigureLine(kpiId, number(value.get()), null, null,
                        reasonColumn.map(column -> text(row, column)).orElse(null)));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidFieldException invalid) {
                throw invalid;
            }
            throw new InvalidFieldException("body", "The body is not an XLSX workbook this ledger can read.");
        }
    }

    private static Optional<Integer> column(Row header, String prefix, String name) {
        for (int column = 0; column < header.getCellCount(); column++) {
            String text = text(header, column);
            if (text != null && (text.startsWith(prefix) || text.equals(name))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String text(Row row, int column) {
        return row.getOptionalCell(column).map(Cell::getText).map(String::strip).filter(text -> !text.isEmpty())
                .orElse(null);
    }

    private static BigDecimal number(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber();
        }
        try {
            return new BigDecimal(cell.getText().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
