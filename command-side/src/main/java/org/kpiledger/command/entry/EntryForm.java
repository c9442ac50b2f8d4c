package org.kpiledger.command.entry;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import org.kpiledger.events.kpi.FiscalYear;

/**
 * What the entry form sends, as typed: nothing here is trusted before {@link EntryFormValidator} checked it. Bound by
 * Spring MVC's data binder and shown again, as typed, when the form comes back with errors.
 */
public class EntryForm {

    private String fiscalYear = "";
    private String value = "";
    private String note = "";
    private String reason = "";
    private String version = "";

    /** An empty form for a fiscal year, on the KPI's version as it was read. */
    static EntryForm blank(int fiscalYear, long version) {
        EntryForm form = new EntryForm();
        form.setFiscalYear(Integer.toString(fiscalYear));
        form.setVersion(Long.toString(version));
        return form;
    }

    /** The fiscal year chosen, when it is one. */
    Optional<FiscalYear> chosenFiscalYear() {
        try {
            return Optional.of(FiscalYear.parse(fiscalYear == null ? "" : fiscalYear.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The number as people type it: full-width digits, thousands separators and spaces are accepted. */
    Optional<BigDecimal> number() {
        String normalized = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC)
                .replace(",", "").replace(" ", "").strip();
        try {
            return Optional.of(new BigDecimal(normalized));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The version of the KPI the form was built on, when the hidden field is intact. */
    Optional<Long> readVersion() {
        try {
            return Optional.of(Long.parseLong(version == null ? "" : version.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note;
    }

    String reasonOrNull() {
        return reason == null || reason.isBlank() ? null : reason;
    }

    public String getFiscalYear() {
        return fiscalYear;
    }

    public void setFiscalYear(String fiscalYear) {
        this.fiscalYear = fiscalYear;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
