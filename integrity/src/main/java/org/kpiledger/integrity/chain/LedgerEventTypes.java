package org.kpiledger.integrity.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.period.PeriodEvent;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.events.strategy.StrategyEvent;

/** The ledger's event types by the name an entry gives them: the record's simple name, such as {@code ActualRecordedEvent}. */
public final class LedgerEventTypes {

    private static final Map<String, Class<?>> BY_NAME = new HashMap<>();
    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();

    static {
        for (Class<?> root : new Class<?>[] {KpiEvent.class, StrategyEvent.class, PeriodEvent.class, ScoringPolicyEvent.class,
                IntegrityEvent.class}) {
            for (Class<?> type : root.getPermittedSubclasses()) {
                if (BY_NAME.put(type.getSimpleName(), type) != null) {
                    throw new IllegalStateException("Two event types are named " + type.getSimpleName());
                }
            }
        }
    }

    private LedgerEventTypes() {
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    public static String revisionOf(Class<?> type) {
        return REVISIONS.revisionOf(type);
    }

    /** Every event type's name, in alphabetical order. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    public static Class<?> byName(String name) {
        Class<?> type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("No event type is named " + name);
        }
        return type;
    }
}
