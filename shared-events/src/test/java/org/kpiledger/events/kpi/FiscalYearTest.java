package org.kpiledger.events.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @ParameterizedTest(name = "{0} is FY{1}")
    @CsvSource({
            "2018, 2018",
            "FY2018, 2018",
            "fy 2018, 2018",
            "2018年度, 2018",
            "H30, 2018",
            "h26, 2014",
            "平成26年度, 2014",
            "平成２６年度, 2014",
            "平成31年度, 2019",
            "R1, 2019",
            "令和元年度, 2019",
            "令和7年度, 2025",
            "Ｒ６, 2024"
    })
    void readsTheWaysStrategyDocumentsNameAFiscalYear(String text, int year) {
        assertThat(FiscalYear.parse(text)).isEqualTo(FiscalYear.of(year));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "18", "FY18", "H0", "H32", "昭和60年度", "2018-19", "R", "1899"})
    void rejectsWhatIsNotAFiscalYear(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> FiscalYear.parse(text));
    }

    @Test
    void runsFromAprilToMarch() {
        FiscalYear fy2018 = FiscalYear.of(2018);

        assertThat(fy2018.firstDay()).isEqualTo(LocalDate.of(2018, 4, 1));
        assertThat(fy2018.lastDay()).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(FiscalYear.containing(LocalDate.of(2019, 3, 31))).isEqualTo(fy2018);
        assertThat(FiscalYear.containing(LocalDate.of(2019, 4, 1))).isEqualTo(FiscalYear.of(2019));
    }

    @Test
    void printsAsFyAndYear() {
        assertThat(FiscalYear.of(2018)).hasToString("FY2018");
    }
}
