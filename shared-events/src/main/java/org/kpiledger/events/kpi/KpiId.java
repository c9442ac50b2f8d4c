package org.kpiledger.events.kpi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable code of a KPI, chosen when it is registered (for example {@code 1-1-1-01}). It names the KPI in
 * URLs and is the identifier of the KPI's event stream.
 */
public record KpiId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public KpiId {
        Objects.requireNonNull(value, "KPI id is required");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "KPI id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
