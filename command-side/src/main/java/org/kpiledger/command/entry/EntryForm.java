package org.kpiledger.command.entry;

/** What the entry form sends, as typed: nothing here is trusted before it is checked. */
public record EntryForm(String fiscalYear, String value, String note, String reason, String version) {
}
