package org.kpiledger.events.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void kpiIdPrintsAsItsValueBecauseAxonStoresThatAsTheStreamId() {
        assertThat(new KpiId("1-1-1-01")).hasToString("1-1-1-01");
    }

    @Test
    void kpiIdRejectsSpacesSlashesAndEmptyValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KpiId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new KpiId("a b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new KpiId("../etc"));
        assertThatIllegalArgumentException().isThrownBy(() -> new KpiId("x".repeat(65)));
    }

    @Test
    void quantitiesWithTheSameAmountWrittenDifferentlyAreEqual() {
        assertThat(Quantity.of("21.00", "事業者")).isEqualTo(Quantity.of("21", "事業者"));
        assertThat(Quantity.of("1E+2", "件").amount()).isEqualTo(new BigDecimal("100"));
        assertThat(Quantity.of("0.50", "%").amount()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void quantityNeedsAUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("1", " "));
    }

    @Test
    void baselineWithoutValueIsNotYetMeasured() {
        Baseline missing = new Baseline(FiscalYear.of(2014), null, " ");

        assertThat(missing.isMeasured()).isFalse();
        assertThat(missing.qualifier()).isNull();
    }
}
