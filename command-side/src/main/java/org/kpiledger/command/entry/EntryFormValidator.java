package org.kpiledger.command.entry;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks what the entry form can check alone: an intact version, a fiscal year, a number. What the figure means
 * (a correction needs its reason, a year before the baseline) is checked by the request's constraints and the
 * command, and lands in the same {@link Errors}.
 */
class EntryFormValidator implements Validator {

    static final String VERSION = "entry.error.version";

    @Override
    public boolean supports(Class<?> type) {
        return EntryForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EntryForm form = (EntryForm) target;
        if (form.readVersion().isEmpty()) {
            errors.reject(VERSION);
        }
        if (form.chosenFiscalYear().isEmpty()) {
            errors.rejectValue("fiscalYear", "entry.error.fiscalYear");
        }
        if (form.number().isEmpty()) {
            errors.rejectValue("value", "entry.error.number");
        }
    }
}
