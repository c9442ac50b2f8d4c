package org.kpiledger.events.kpi;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What kind of number a KPI's figures are, and so which figures can be true at all. Chosen at registration; when
 * not given, derived from the unit by {@link #forUnit(String)}.
 */
public enum ValueKind {
    /** Things counted: non-negative whole numbers (件, 人, 事業者, 校...). */
    COUNT,
    /** A share: from 0 to 100, decimals allowed. */
    PERCENT,
    /** A ratio to a population, such as suicides per 100,000 people: a non-negative decimal. */
    RATE,
    /** A measured amount (litres, books per pupil, 万人): a non-negative decimal. */
    QUANTITY;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> PERCENT_UNITS = Set.of("%", "％", "パーセント");
    private static final Set<String> COUNT_UNITS = Set.of("件", "人", "名", "事業者", "企業", "社", "校", "園", "回",
            "団体", "店舗", "店", "施設", "館", "会館", "世帯", "戸", "箇所", "か所", "ヶ所", "カ所", "地区", "ルート", "事業",
            "講座", "組", "台", "棟", "区画", "人日");

    /**
     * The kind a unit implies: {@code %} is {@link #PERCENT}; a unit of things counted ({@code 件}, {@code 人},
     * {@code 事業者}, ...) is {@link #COUNT}; a unit "per" a population ({@code 人/10万人}, {@code 10万人あたり}) is
     * {@link #RATE}; any other unit ({@code L}, {@code 冊}, {@code 万人}) is {@link #QUANTITY}.
     */
    public static ValueKind forUnit(String unit) {
        String trimmed = unit == null ? "" : unit.strip();
        if (PERCENT_UNITS.contains(trimmed)) {
            return PERCENT;
        }
        if (COUNT_UNITS.contains(trimmed)) {
            return COUNT;
        }
        if (trimmed.contains("/") || trimmed.contains("／") || trimmed.contains("あたり") || trimmed.contains("当たり")) {
            return RATE;
        }
        return QUANTITY;
    }

    /** Why {@code value} cannot be a figure of this kind, or {@code null} when it can. */
    public String violation(BigDecimal value) {
        if (value.signum() < 0) {
            return "must not be negative (the KPI's figures are of kind " + this + ")";
        }
        return switch (this) {
            case COUNT -> value.stripTrailingZeros().scale() > 0
                    ? "must be a whole number (the KPI counts things: kind COUNT)"
                    : null;
            case PERCENT -> value.compareTo(HUNDRED) > 0 ? "must be at most 100 (kind PERCENT)" : null;
            case RATE, QUANTITY -> null;
        };
    }
}
