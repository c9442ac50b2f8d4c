package org.kpiledger.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The as-of date picker of a page and the banner of a past state: {@code date} fills the picker, {@code label} says
 * which moment a past page shows, in the ledger's time zone.
 */
public record AsOfPicker(String date, boolean past, String label) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The picker for a page read as of {@code instant} (null: now), as the reader asked for it ({@code asked}). */
    public static AsOfPicker of(String asked, Instant instant, ZoneId zone) {
        if (instant == null) {
            return new AsOfPicker("", false, null);
        }
        if (asked != null && asked.length() == 10) {
            return new AsOfPicker(asked, true, asked);
        }
        return new AsOfPicker(LocalDate.ofInstant(instant, zone).toString(), true,
                MINUTES.format(instant.atZone(zone)) + " (" + zone + ")");
    }
}
