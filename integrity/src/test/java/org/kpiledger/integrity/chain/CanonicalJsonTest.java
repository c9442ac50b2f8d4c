package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysLeavesNoWhitespaceAndEscapesOnlyWhatJsonRequires() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1L, true, "x"));
        value.put("a", "品川区 \"quoted\" back\\slash\nnew line\u0001\u007f");
        value.put("B", null);
        value.put("nested", new LinkedHashMap<>(Map.of("z", 2L, "y", Map.of())));

        assertThat(new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8)).isEqualTo(
                "{\"B\":null,\"a\":\"品川区 \\\"quoted\\\" back\\\\slash\\nnew line\\u0001\u007f\","
                        + "\"b\":[1,true,\"x\"],\"nested\":{\"y\":{},\"z\":2}}");
    }

    @Test
    void refusesNumbersThatHaveNoSingleTextSuchAsFloatingPoint() {
        assertThatThrownBy(() -> CanonicalJson.bytes(Map.of("value", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameEntryHashesTheSameWhateverTheOrderItsFieldsCameIn() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("position", 1L);
        one.put("type", "ActualRecordedEvent");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("type", "ActualRecordedEvent");
        other.put("position", 1L);

        assertThat(LedgerEntry.hash(one)).isEqualTo(LedgerEntry.hash(other)).hasSize(64);
        other.put("position", 2L);
        assertThat(LedgerEntry.hash(one)).isNotEqualTo(LedgerEntry.hash(other));
        assertThat(Arrays.equals(CanonicalJson.bytes(one), CanonicalJson.bytes(other))).isFalse();
    }
}
