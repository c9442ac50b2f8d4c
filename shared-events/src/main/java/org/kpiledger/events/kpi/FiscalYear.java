package org.kpiledger.events.kpi;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year (年度), running from 1 April of {@code year} to 31 March of the next year. Strategy
 * documents name them in several ways; {@link #parse(String)} accepts {@code 2018}, {@code FY2018},
 * {@code 2018年度}, {@code H30}, {@code 平成30年度}, {@code R1} and {@code 令和元年度} (full-width digits too).
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    public static final int EARLIEST = 1900;
    public static final int LATEST = 2200;

    private static final int HEISEI_OFFSET = 1988;
    private static final int REIWA_OFFSET = 2018;
    private static final Pattern WESTERN = Pattern.compile("(?:FY)?(\\d{4})(?:年度)?");
    private static final Pattern ERA = Pattern.compile("(H|R|平成|令和)(\\d{1,2}|元)(?:年度)?");

    public FiscalYear {
        if (year < EARLIEST || year > LATEST) {
            throw new IllegalArgumentException(
                    "fiscal year must be between " + EARLIEST + " and " + LATEST + ": " + year);
        }
    }

    public static FiscalYear of(int year) {
        return new FiscalYear(year);
    }

    public static FiscalYear parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("fiscal year is required");
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
        Matcher western = WESTERN.matcher(normalized);
        if (western.matches()) {
            return new FiscalYear(Integer.parseInt(western.group(1)));
        }
        Matcher era = ERA.matcher(normalized);
        if (era.matches()) {
            int eraYear = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            boolean heisei = era.group(1).equals("H") || era.group(1).equals("平成");
            if (eraYear < 1 || (heisei && eraYear > 31)) {
                throw new IllegalArgumentException("no such era year: " + text);
            }
            return new FiscalYear((heisei ? HEISEI_OFFSET : REIWA_OFFSET) + eraYear);
        }
        throw new IllegalArgumentException(
                "not a fiscal year (use 2018, FY2018, H30, 平成30年度, R1 or 令和元年度): " + text);
    }

    /** The fiscal year that is running on {@code date}. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public boolean isAfter(FiscalYear other) {
        return year > other.year;
    }

    public boolean isBefore(FiscalYear other) {
        return year < other.year;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(year, other.year);
    }

    @Override
    public String toString() {
        return "FY" + year;
    }
}
