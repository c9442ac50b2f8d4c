package org.kpiledger.query.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table for people's spreadsheets: a header and rows of text, decimals or blanks, written as CSV (UTF-8 with a
 * byte order mark, which Excel in Japan needs to read UTF-8) or as an XLSX workbook (one sheet, the header bold and
 * frozen, decimals as numbers), with a second sheet {@code about} saying what the table is. Text that a spreadsheet
 * would read as a formula is neutralised in the CSV; the XLSX writes text cells, never formulas.
 */
public record Spreadsheet(String sheetName, List<String> header, List<List<Object>> rows, List<List<String>> about) {

    public static final String TEXT_CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    public byte[] csv() {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Spreadsheet::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (BYTE_ORDER_MARK + csv).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "kpi-ledger", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
                sheet.style(0, column).bold().wrapText(true).set();
            }
            sheet.freezePane(0, 1);
            for (int row = 0; row < rows.size(); row++) {
                List<Object> cells = rows.get(row);
                for (int column = 0; column < cells.size(); column++) {
                    Object cell = cells.get(column);
                    if (cell instanceof Number number) {
                        sheet.value(row + 1, column, number);
                    } else if (cell != null) {
                        sheet.value(row + 1, column, cell.toString());
                    }
                }
            }
            Worksheet aboutSheet = workbook.newWorksheet("about");
            for (int row = 0; row < about.size(); row++) {
                for (int column = 0; column < about.get(row).size(); column++) {
                    aboutSheet.value(row, column, about.get(row).get(column));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The answer to a request that asked for {@code mediaType}, as a download named {@code name}. */
    public ResponseEntity<byte[]> answer(String mediaType, String name) {
        boolean csv = mediaType.equals(TEXT_CSV);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .body(csv ? csv() : xlsx());
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return cell instanceof Number ? cell.toString() : neutralised(cell.toString());
    }

    /**
     * Text a spreadsheet would read as a formula, kept as text: OWASP's rule, a leading {@code '} before a cell that
     * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, or their full-width forms
     * (which Excel in Japanese converts). Numbers are written as numbers and never changed.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
