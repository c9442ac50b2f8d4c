package org.kpiledger.command.entry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpiledger.command.kpi.DepartmentRuleException;
import org.kpiledger.command.kpi.InvalidKpiCommandException;
import org.kpiledger.command.kpi.KpiFigures;
import org.kpiledger.command.kpi.KpiFiguresReader;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.StaleVersionException;
import org.kpiledger.command.kpi.web.KpiRequests;
import org.kpiledger.command.web.CommandDispatcher;
import org.kpiledger.command.web.EventPositions;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.platform.pages.LedgerPage;
import org.kpiledger.platform.pages.PageLinks;
import org.kpiledger.platform.pages.Viewer;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The entry form of a KPI's actuals, for the staff of the department that owns it: choose a fiscal year, enter the
 * figure; a year already recorded is corrected, with a reason. The form carries the version it was built on, so
 * a form left open while someone else changed the KPI is refused and shown again with the current figures and
 * what was typed, never saved over the other change. Problems are shown next to the field at fault.
 */
@Controller
@LedgerPage
@RequestMapping("/entry/kpis/{kpiId}")
class ActualEntryPage {

    private final KpiFiguresReader kpis;
    private final CommandDispatcher commands;
    private final EventPositions positions;
    private final Validator validator;
    private final MessageSource messages;
    private final PageLinks links;
    private final Clock clock;

    ActualEntryPage(KpiFiguresReader kpis, CommandDispatcher commands, EventPositions positions, Validator validator,
            MessageSource messages, PageLinks links, Clock clock) {
        this.kpis = kpis;
        this.commands = commands;
        this.positions = positions;
        this.validator = validator;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form(@PathVariable KpiId kpiId, @RequestParam(required = false) Integer fiscalYear) {
        KpiFigures figures = figures(kpiId);
        int year = fiscalYear != null ? fiscalYear : currentFiscalYear().year() - 1;
        EntryForm form = new EntryForm(Integer.toString(Math.max(year, figures.baselineYear())), "", "", "",
                Long.toString(figures.version()));
        return page(figures, form, Map.of(), null, HttpStatus.OK);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView save(@PathVariable KpiId kpiId, @ModelAttribute EntryForm form) {
        KpiFigures figures = figures(kpiId);
        Map<String, String> errors = new LinkedHashMap<>();
        Long version = parseVersion(form.version());
        if (version == null) {
            return page(figures, form, errors, message("entry.error.version"), HttpStatus.BAD_REQUEST);
        }
        if (version != figures.version()) {
            return stale(figures, form, version);
        }
        FiscalYear fiscalYear = parseFiscalYear(form.fiscalYear(), errors);
        BigDecimal value = parseNumber(form.value(), errors);
        if (!errors.isEmpty()) {
            return page(figures, form, errors, message("entry.errors"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        boolean correction = figures.recorded(fiscalYear.year());
        Object request = correction ? new KpiRequests.CorrectActual(value, blankToNull(form.reason()))
                : new KpiRequests.RecordActual(fiscalYear, value, blankToNull(form.note()), null);
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            return page(figures, form, errors, message("entry.errors"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            commands.send(correction
                    ? new CorrectActualCommand(kpiId, fiscalYear, value, form.reason().strip(), version)
                    : new RecordActualCommand(kpiId, fiscalYear, value, blankToNull(form.note()), null, version));
        } catch (StaleVersionException | ConcurrencyException e) {
            return stale(figures(kpiId), form, version);
        } catch (KpiRuleViolation e) {
            return refused(figures, form, errors, e.field(), e.getMessage(), HttpStatus.CONFLICT);
        } catch (InvalidKpiCommandException e) {
            return refused(figures, form, errors, e.field(), e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InvalidFieldException e) {
            return refused(figures, form, errors, e.field(), e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (DepartmentRuleException e) {
            return page(figures, form, errors, e.getMessage(), HttpStatus.FORBIDDEN);
        } catch (ErrorResponseException e) {
            return page(figures, form, errors, e.getBody().getDetail(),
                    HttpStatus.valueOf(e.getStatusCode().value()));
        }
        return new ModelAndView("redirect:" + links.kpi(kpiId.value()) + "?minPosition="
                + positions.lastOf(kpiId.value()) + "&saved=" + fiscalYear.year());
    }

    /** The KPI moved on since the form was built: shown again on the current figures, with what was typed. */
    private ModelAndView stale(KpiFigures current, EntryForm form, long sentVersion) {
        EntryForm onCurrent = new EntryForm(form.fiscalYear(), form.value(), form.note(), form.reason(),
                Long.toString(current.version()));
        return page(current, onCurrent, new LinkedHashMap<>(), message("entry.stale", sentVersion, current.version()),
                HttpStatus.CONFLICT);
    }

    private ModelAndView refused(KpiFigures figures, EntryForm form, Map<String, String> errors, String field,
            String detail, HttpStatus status) {
        if (field != null && List.of("fiscalYear", "value", "note", "reason").contains(field)) {
            errors.put(field, detail);
            return page(figures, form, errors, message("entry.errors"), status);
        }
        return page(figures, form, errors, detail, status);
    }

    private ModelAndView page(KpiFigures figures, EntryForm form, Map<String, String> errors, String alert,
            HttpStatus status) {
        Viewer viewer = Viewer.current();
        ModelAndView page = new ModelAndView("entry", status);
        page.addObject("asOf", null);
        page.addObject("kpi", figures);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("alert", alert);
        page.addObject("mayEnter", viewer.mayEnterFor(figures.department()));
        page.addObject("years", years(figures));
        return page;
    }

    /** The fiscal years a figure may be entered for: from the baseline year to the current one. */
    private List<Integer> years(KpiFigures figures) {
        List<Integer> years = new ArrayList<>();
        for (int year = currentFiscalYear().year(); year >= figures.baselineYear(); year--) {
            years.add(year);
        }
        return years;
    }

    private FiscalYear currentFiscalYear() {
        return FiscalYear.containing(LocalDate.now(clock));
    }

    private KpiFigures figures(KpiId kpiId) {
        return kpis.current(kpiId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemCode.problem(HttpStatus.NOT_FOUND, "KPI_NOT_FOUND", "No KPI " + kpiId + " is registered.",
                        "kpiId"), null));
    }

    private FiscalYear parseFiscalYear(String text, Map<String, String> errors) {
        try {
            return FiscalYear.parse(text == null ? "" : text.strip());
        } catch (RuntimeException e) {
            errors.put("fiscalYear", message("entry.error.fiscalYear"));
            return null;
        }
    }

    /** A number as people type it: full-width digits, thousands separators and spaces are accepted. */
    private BigDecimal parseNumber(String text, Map<String, String> errors) {
        String normalized = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace(",", "").replace(" ", "").strip();
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            errors.put("value", message("entry.error.number"));
            return null;
        }
    }

    private static Long parseVersion(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
