package org.kpiledger.events.kpi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code of a city department that owns KPIs and whose staff submit their figures ({@code sangyo},
 * {@code kosodate}).
 */
public record Department(String code) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public Department {
        Objects.requireNonNull(code, "department code is required");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "a department code is 1 to 32 lower-case letters, digits, '_' or '-', starting with a letter: "
                            + code);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
