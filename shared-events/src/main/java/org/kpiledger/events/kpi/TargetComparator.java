package org.kpiledger.events.kpi;

/** How an actual is compared with the target value: {@code 以上} is {@link #AT_LEAST}, {@code 以下} {@link #AT_MOST}. */
public enum TargetComparator {
    AT_LEAST,
    MORE_THAN,
    AT_MOST,
    EXACTLY
}
