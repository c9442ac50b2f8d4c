package org.kpiledger.events.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"件, COUNT", "人, COUNT", "事業者, COUNT", "企業, COUNT", "校, COUNT", "回, COUNT", "団体, COUNT",
            "店舗, COUNT", "ルート, COUNT", "施設, COUNT", "世帯, COUNT", "会館, COUNT", "地区, COUNT", "事業, COUNT", "園, COUNT",
            "台, COUNT", "%, PERCENT", "％, PERCENT", "人/10万人, RATE", "人(10万人あたり), RATE", "L, QUANTITY",
            "冊, QUANTITY", "万人, QUANTITY", "ha, QUANTITY"})
    void derivesTheKindFromTheUnitAsTheDocumentedTableSays(String unit, ValueKind kind) {
        assertThat(ValueKind.forUnit(unit)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "COUNT|12|",
            "COUNT|0|",
            "COUNT|12.0|",
            "COUNT|2.5|must be a whole number",
            "COUNT|-1|must not be negative",
            "PERCENT|0|",
            "PERCENT|52.5|",
            "PERCENT|100|",
            "PERCENT|100.01|must be at most 100",
            "PERCENT|250|must be at most 100",
            "PERCENT|-0.1|must not be negative",
            "RATE|18.3|",
            "RATE|-2|must not be negative",
            "QUANTITY|120000|",
            "QUANTITY|40.25|",
            "QUANTITY|-40|must not be negative"})
    void refusesFiguresTheKindCannotHave(ValueKind kind, String value, String violation) {
        String actual = kind.violation(new BigDecimal(value));
        if (violation == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).startsWith(violation);
        }
    }

    @ParameterizedTest(name = "an event recorded before value kinds, in {0}, reads as {1}")
    @CsvSource({"件, COUNT", "%, PERCENT", "L, QUANTITY"})
    void registrationsRecordedBeforeValueKindsReadAsTheKindTheirUnitImplies(String unit, ValueKind kind) {
        KpiRegisteredEvent old = new KpiRegisteredEvent(new KpiId("old"), "n", unit, Accumulation.LEVEL,
                Direction.INCREASE, new Baseline(FiscalYear.of(2014), null, null),
                new Target(FiscalYear.of(2019), Quantity.of("1", unit), TargetComparator.AT_LEAST), null);

        assertThat(old.valueKind()).isEqualTo(kind);
    }
}
