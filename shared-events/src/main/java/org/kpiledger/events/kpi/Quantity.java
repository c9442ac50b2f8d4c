package org.kpiledger.events.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in the KPI's unit as the source writes it ({@code 件}, {@code 人}, {@code %}, {@code 事業者}...). */
public record Quantity(BigDecimal amount, String unit) {

    public Quantity {
        Objects.requireNonNull(amount, "amount is required");
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("unit is required");
        }
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
        unit = unit.strip();
    }

    public static Quantity of(String amount, String unit) {
        return new Quantity(new BigDecimal(amount), unit);
    }

    public boolean hasSameAmountAs(Quantity other) {
        return amount.compareTo(other.amount) == 0;
    }
}
