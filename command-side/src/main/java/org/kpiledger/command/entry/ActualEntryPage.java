package org.kpiledger.command.entry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpiledger.command.kpi.DepartmentRuleException;
import org.kpiledger.command.kpi.InvalidKpiCommandException;
import org.kpiledger.command.kpi.KpiFigures;
import org.kpiledger.command.kpi.KpiFiguresReader;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.StaleVersionException;
import org.kpiledger.command.kpi.web.KpiRequests;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.pages.PageLinks;
import org.kpiledger.pages.Viewer;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

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

    private static final List<String> FIELDS = List.of("fiscalYear", "value", "note", "reason");

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

    @InitBinder("form")
    void checkTheForm(WebDataBinder binder) {
        binder.addValidators(new EntryFormValidator());
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form(@PathVariable KpiId kpiId, @RequestParam(required = false) Integer fiscalYear) {
        KpiFigures figures = figures(kpiId);
        requireOwnDepartment(figures);
        int year = fiscalYear != null ? fiscalYear : currentFiscalYear().year() - 1;
        EntryForm form = EntryForm.blank(Math.max(year, figures.baselineYear()), figures.version());
        return page(figures, form, new BeanPropertyBindingResult(form, "form"), HttpStatus.OK);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView save(@PathVariable KpiId kpiId, @Valid @ModelAttribute("form") EntryForm form,
            BindingResult binding) {
        KpiFigures figures = figures(kpiId);
        requireOwnDepartment(figures);
        if (binding.hasGlobalErrors()) {
            return page(figures, form, binding, HttpStatus.BAD_REQUEST);
        }
        long version = form.readVersion().orElseThrow();
        if (version != figures.version()) {
            return stale(figures, form, version);
        }
        if (binding.hasErrors()) {
            return page(figures, form, binding, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        FiscalYear fiscalYear = form.chosenFiscalYear().orElseThrow();
        BigDecimal value = form.number().orElseThrow();
        boolean correction = figures.recorded(fiscalYear.year());
        Object request = correction ? new KpiRequests.CorrectActual(value, form.reasonOrNull())
                : new KpiRequests.RecordActual(fiscalYear, value, form.noteOrNull(), null);
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            reject(binding, violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (binding.hasErrors()) {
            return page(figures, form, binding, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            commands.send(correction
                    ? new CorrectActualCommand(kpiId, fiscalYear, value, form.getReason().strip(), version)
                    : new RecordActualCommand(kpiId, fiscalYear, value, form.noteOrNull(), null, version));
        } catch (StaleVersionException | ConcurrencyException e) {
            return stale(figures(kpiId), form, version);
        } catch (KpiRuleViolation e) {
            return refused(figures, form, binding, e.field(), e.getMessage(), HttpStatus.CONFLICT);
        } catch (InvalidKpiCommandException e) {
            return refused(figures, form, binding, e.field(), e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InvalidFieldException e) {
            return refused(figures, form, binding, e.field(), e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (DepartmentRuleException e) {
            return refused(figures, form, binding, null, e.getMessage(), HttpStatus.FORBIDDEN);
        } catch (ErrorResponseException e) {
            return refused(figures, form, binding, null, e.getBody().getDetail(),
                    HttpStatus.valueOf(e.getStatusCode().value()));
        }
        RedirectView toTheKpi = new RedirectView(links.kpi(kpiId.value()) + "?minPosition="
                + positions.lastOf(kpiId.value()) + "&saved=" + fiscalYear.year());
        toTheKpi.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(toTheKpi);
    }

    /** Another department's KPI: its form is not shown at all (the command would refuse the figure anyway). */
    private void requireOwnDepartment(KpiFigures figures) {
        if (!Viewer.current().mayEnterFor(figures.department())) {
            ErrorResponseException refused = ProblemType.FORBIDDEN.exception(
                    message("entry.notOwn", Viewer.current().departmentCode().orElse("—")), "kpiId");
            refused.getBody().setProperty("reason", figures.department() == null ? "KPI_UNOWNED" : "OTHER_DEPARTMENT");
            throw refused;
        }
    }

    /** The KPI moved on since the form was built: shown again on the current figures, with what was typed. */
    private ModelAndView stale(KpiFigures current, EntryForm form, long sentVersion) {
        form.setVersion(Long.toString(current.version()));
        BindingResult binding = new BeanPropertyBindingResult(form, "form");
        binding.reject("entry.stale", new Object[] {sentVersion, current.version()}, null);
        return page(current, form, binding, HttpStatus.CONFLICT);
    }

    private ModelAndView refused(KpiFigures figures, EntryForm form, BindingResult binding, String field,
            String detail, HttpStatus status) {
        reject(binding, field, detail);
        return page(figures, form, binding, status);
    }

    /** A refusal on a field of the form lands next to it; any other above the form. */
    private static void reject(BindingResult binding, String field, String detail) {
        if (field != null && FIELDS.contains(field)) {
            binding.rejectValue(field, "", detail);
        } else {
            binding.reject("", detail);
        }
    }

    /**
     * The one place errors become what the page shows: each field's first message next to it, and above the form
     * either the one refusal that concerns no field, or a summary that there are errors below.
     */
    private ModelAndView page(KpiFigures figures, EntryForm form, BindingResult binding, HttpStatus status) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        String alert = binding.hasGlobalErrors() ? messages.getMessage(binding.getGlobalError(), locale)
                : errors.isEmpty() ? null : message("entry.errors");
        ModelAndView page = new ModelAndView("entry", status);
        page.addObject("asOf", null);
        page.addObject("kpi", figures);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("alert", alert);
        page.addObject("mayEnter", Viewer.current().mayEnterFor(figures.department()));
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
        return kpis.current(kpiId).orElseThrow(() ->
                ProblemType.KPI_NOT_FOUND.exception("No KPI " + kpiId + " is registered.", "kpiId"));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
