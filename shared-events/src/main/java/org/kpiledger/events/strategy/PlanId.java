package org.kpiledger.events.strategy;

import java.util.Objects;
import java.util.regex.Pattern;

/** The stable code of a strategy (a plan), such as {@code shinagawa-2015}; the identifier of its event stream. */
public record PlanId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public PlanId {
        Objects.requireNonNull(value, "plan id is required");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "plan id must be 1 to 64 lower-case letters, digits, '.', '_' or '-': " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
