package org.kpiledger.query.temporal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.kpiledger.platform.web.InvalidFieldException;

/**
 * The instant a read is about: the ledger as it stood then, every figure, target and policy as recorded at or
 * before it. {@link #NOW} is the ledger as it stands. The temporal tables answer both with the same query: now is
 * as of {@code 'infinity'}.
 *
 * @param instant null for now
 */
public record AsOf(Instant instant) {

    public static final AsOf NOW = new AsOf(null);
    /** PostgreSQL keeps microseconds: the end of a day is one microsecond before the next begins. */
    private static final long END_OF_DAY_MICROS = 1;

    /**
     * Reads {@code asOf} as clients send it: an ISO-8601 instant with its offset ({@code 2018-03-31T17:00:00+09:00},
     * {@code 2018-03-31T08:00:00Z}), or a date, meaning the end of that day in the ledger's time zone. Absent: now.
     */
    public static AsOf parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return NOW;
        }
        try {
            if (text.length() == 10) {
                return new AsOf(LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toInstant()
                        .minus(END_OF_DAY_MICROS, ChronoUnit.MICROS));
            }
            return new AsOf(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            throw new InvalidFieldException("asOf", "asOf is an ISO-8601 instant with its offset, such as "
                    + "2018-03-31T17:00:00+09:00, or a date such as 2018-03-31 (the end of that day, " + zone + ").");
        }
    }

    public boolean isNow() {
        return instant == null;
    }

    /**
     * The value for {@code valid @> ?::timestamptz}: the instant, or 'infinity' for now. Truncated to the microsecond
     * PostgreSQL keeps: it would round {@code .687999999} up to {@code .688}, and show a change recorded at
     * {@code .688} as already made.
     */
    public Object sqlValue() {
        return instant == null ? "infinity"
                : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).toString();
    }
}
