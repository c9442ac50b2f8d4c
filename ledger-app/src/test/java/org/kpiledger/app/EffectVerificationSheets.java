package org.kpiledger.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The effect verification sheet as a department handles it in Excel: read the exported workbook into rows of cells
 * (numbers as numbers), fill some in, and save it back as a workbook to upload.
 */
final class EffectVerificationSheets {

    private EffectVerificationSheets() {
    }

    /** Every row of the first sheet, header first, each as wide as the header. */
    static List<List<Object>> rows(byte[] xlsx) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            List<Row> read = sheet.toList();
            int width = read.get(0).getCellCount();
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : read) {
                List<Object> cells = new ArrayList<>();
                for (int column = 0; column < width; column++) {
                    cells.add(row.getOptionalCell(column).map(cell -> cell.getType() == CellType.NUMBER
                            ? (Object) cell.asNumber() : cell.getText()).orElse(null));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the header's first column whose title starts so. */
    static int column(List<Object> header, String titleStart) {
        for (int column = 0; column < header.size(); column++) {
            if (String.valueOf(header.get(column)).startsWith(titleStart)) {
                return column;
            }
        }
        throw new IllegalArgumentException("The sheet has no column " + titleStart);
    }

    /** The rows saved as a workbook of one sheet, as Excel would upload them. */
    static byte[] workbook(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Excel", "1.0");
            Worksheet sheet = workbook.newWorksheet("効果検証");
            for (int row = 0; row < rows.size(); row++) {
                for (int column = 0; column < rows.get(row).size(); column++) {
                    Object cell = rows.get(row).get(column);
                    if (cell instanceof Number number) {
                        sheet.value(row, column, number);
                    } else if (cell != null) {
                        sheet.value(row, column, cell.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
