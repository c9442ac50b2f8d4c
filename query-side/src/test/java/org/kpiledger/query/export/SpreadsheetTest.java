package org.kpiledger.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTest {

    @ParameterizedTest(name = "neutralises a cell starting with U+{0}")
    @ValueSource(strings = {"003D", "002B", "002D", "0040", "0009", "000D", "FF1D", "FF0B", "FF0D", "FF20"})
    void writesTextThatASpreadsheetWouldReadAsAFormulaAsText(String codePoint) throws Exception {
        String formula = Character.toString(Integer.parseInt(codePoint, 16)) + "HYPERLINK(\"https://evil.example\")";

        CSVRecord row = onlyRow(new Spreadsheet("s", List.of("name", "value"),
                List.of(Arrays.asList(formula, new BigDecimal("-3.5"))), List.of()));

        assertThat(row.get(0)).isEqualTo("'" + formula);
        assertThat(row.get(1)).as("a number stays a number, sign and all").isEqualTo("-3.5");
    }

    @ParameterizedTest(name = "keeps \"{0}\" as it is")
    @ValueSource(strings = {"武蔵小山創業支援センター", "1-1-1-01", "a=b", "100%"})
    void keepsOrdinaryTextAsItIs(String text) throws Exception {
        CSVRecord row = onlyRow(new Spreadsheet("s", List.of("name"), List.of(List.of(text)), List.of()));

        assertThat(row.get(0)).isEqualTo(text);
    }

    private static CSVRecord onlyRow(Spreadsheet sheet) throws Exception {
        String csv = new String(sheet.csv(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
