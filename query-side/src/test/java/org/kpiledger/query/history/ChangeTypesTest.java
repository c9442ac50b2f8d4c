package org.kpiledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.period.PeriodEvent;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.events.strategy.StrategyEvent;

class ChangeTypesTest {

    @Test
    void everyEventTheHistoryRecordsHasANameOfItsOwn() {
        var eventTypes = Stream.of(KpiEvent.class, StrategyEvent.class, PeriodEvent.class, ScoringPolicyEvent.class,
                        IntegrityEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses())).toList();

        assertThat(ChangeTypes.all().keySet()).containsExactlyInAnyOrderElementsOf(eventTypes);
        assertThat(ChangeTypes.all().values()).doesNotHaveDuplicates();
    }
}
