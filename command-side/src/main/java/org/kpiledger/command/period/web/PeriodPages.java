package org.kpiledger.command.period.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kpiledger.command.kpi.KpiFigures;
import org.kpiledger.command.kpi.KpiFiguresReader;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.PlanKpis;
import org.kpiledger.command.kpi.SeriesHolders;
import org.kpiledger.command.period.FiguresResult;
import org.kpiledger.command.period.PeriodRuleException;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.period.GiveOpinionCommand;
import org.kpiledger.events.period.PublishPeriodCommand;
import org.kpiledger.events.period.ReopenPeriodCommand;
import org.kpiledger.events.period.ReportingPeriodId;
import org.kpiledger.events.period.ReviewDecision;
import org.kpiledger.events.period.ReviewDepartmentCommand;
import org.kpiledger.events.period.SubmitDepartmentCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.integrity.publication.Publisher;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.pages.PageLinks;
import org.kpiledger.pages.Viewer;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.web.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The reporting cycle's pages that write: a department's grid of the year's figures (typed in, or the effect
 * verification sheet uploaded), previewed as a dry run with the grade before and after, stored, and submitted; and
 * the forms of the period page (review, opinion, publication, reopening), each answered by a redirect to the period
 * page. Each form sends the same command the API does.
 */
@Controller
@LedgerPage
@RequestMapping("/entry/periods/{planId}/{fiscalYear}")
class PeriodPages {

    private final CommandDispatcher commands;
    private final KpiFiguresReader figures;
    private final PlanKpis planKpis;
    private final ReportingPeriodController api;
    private final Publisher publisher;
    private final PageLinks links;
    private final SeriesHolders holders;

    PeriodPages(CommandDispatcher commands, KpiFiguresReader figures, PlanKpis planKpis,
            ReportingPeriodController api, Publisher publisher, PageLinks links, SeriesHolders holders) {
        this.commands = commands;
        this.holders = holders;
        this.figures = figures;
        this.planKpis = planKpis;
        this.api = api;
        this.publisher = publisher;
        this.links = links;
    }

    /** One KPI's line of the grid: last year's figure beside this year's, what was typed, what a preview said. */
    record Line(KpiFigures kpi, BigDecimal lastYear, BigDecimal current, String status, boolean open, String typed,
                String reason, FiguresResult.Row preview) {
    }

    @GetMapping(path = "/departments/{department}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView grid(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, @RequestParam(required = false) String saved) {
        requireMayEnter(department);
        return page(planId, fiscalYear, department, Map.of(), Map.of(), null,
                saved == null ? null : "saved", HttpStatus.OK);
    }

    @PostMapping(path = "/departments/{department}/figures", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView figures(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, @RequestParam Map<String, String> form) {
        requireMayEnter(department);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("value:") && !value.isBlank()) {
                values.put(name.substring("value:".length()), value.strip());
            } else if (name.startsWith("reason:") && !value.isBlank()) {
                reasons.put(name.substring("reason:".length()), value.strip());
            }
        });
        return decide(planId, fiscalYear, department, values, reasons, !"save".equals(form.get("action")));
    }

    @PostMapping(path = "/departments/{department}/sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView sheet(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, @RequestParam("sheet") MultipartFile sheet) throws IOException {
        requireMayEnter(department);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (PeriodRequests.FigureLine line : EffectVerificationSheet.lines(sheet.getBytes(), fiscalYear)) {
            values.put(line.kpiId(), line.value() == null ? "?" : line.value().toPlainString());
            if (line.reason() != null) {
                reasons.put(line.kpiId(), line.reason());
            }
        }
        return decide(planId, fiscalYear, department, values, reasons, true);
    }

    /** A dry run shows every row's fate and grades; a save stores all or, with a refused row, shows the same. */
    private ModelAndView decide(PlanId planId, FiscalYear fiscalYear, Department department,
            Map<String, String> values, Map<String, String> reasons, boolean dryRun) {
        if (values.isEmpty()) {
            return page(planId, fiscalYear, department, values, reasons, null, "empty", HttpStatus.BAD_REQUEST);
        }
        List<PeriodRequests.FigureLine> lines = new ArrayList<>();
        values.forEach((kpiId, value) -> lines.add(new PeriodRequests.FigureLine(kpiId, number(value), null, null,
                reasons.get(kpiId))));
        FiguresResult result;
        try {
            result = api.record(new ReportingPeriodId(planId, fiscalYear), lines, dryRun).getBody();
        } catch (ReportingPeriodController.FiguresRefusedException refused) {
            return page(planId, fiscalYear, department, values, reasons, refused.result(), "refused",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (PeriodRuleException refused) {
            throw refused.code().exception(refused.getMessage(), refused.field());
        }
        if (dryRun) {
            return page(planId, fiscalYear, department, values, reasons, result, "preview", HttpStatus.OK);
        }
        return redirect(links.commandSide() + "/entry/periods/" + planId + "/" + fiscalYear.year() + "/departments/"
                + department + "?saved=" + result.position());
    }

    @PostMapping(path = "/departments/{department}/submission", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView submit(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department) {
        requireMayEnter(department);
        step(() -> commands.send(new SubmitDepartmentCommand(new ReportingPeriodId(planId, fiscalYear), department)));
        return toThePeriod(planId, fiscalYear);
    }

    @PostMapping(path = "/departments/{department}/review", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView review(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, @RequestParam ReviewDecision decision,
            @RequestParam(required = false) String comment) {
        String text = text(comment, "comment", true);
        step(() -> commands.send(new ReviewDepartmentCommand(new ReportingPeriodId(planId, fiscalYear), department,
                decision, text)));
        return toThePeriod(planId, fiscalYear);
    }

    @PostMapping(path = "/opinions", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView opinion(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam String text, @RequestParam(required = false) String kpiId) {
        String opinion = required(text(text, "text", true), "text");
        KpiId about = kpiId == null || kpiId.isBlank() ? null : new KpiId(kpiId.strip());
        step(() -> commands.send(new GiveOpinionCommand(new ReportingPeriodId(planId, fiscalYear),
                UUID.randomUUID().toString(), opinion, about, null)));
        return toThePeriod(planId, fiscalYear);
    }

    @PostMapping(path = "/publication", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView publish(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam String title) {
        String heading = required(text(title, "title", false), "title");
        String publicationId = UUID.randomUUID().toString();
        step(() -> commands.send(new PublishPeriodCommand(new ReportingPeriodId(planId, fiscalYear), publicationId,
                heading)));
        publisher.publish(publicationId, heading);
        return toThePeriod(planId, fiscalYear);
    }

    @PostMapping(path = "/reopenings", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView reopen(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam String reason, @RequestParam String decisionReference,
            @RequestParam(required = false) String kpiIds) {
        String why = required(text(reason, "reason", true), "reason");
        String decision = required(text(decisionReference, "decisionReference", false), "decisionReference");
        List<KpiId> reopened = kpiIds == null || kpiIds.isBlank() ? List.of()
                : Arrays.stream(kpiIds.split("[,\\s、]+")).filter(id -> !id.isBlank()).map(KpiId::new)
                        .toList();
        step(() -> commands.send(new ReopenPeriodCommand(new ReportingPeriodId(planId, fiscalYear), why, decision,
                reopened)));
        return toThePeriod(planId, fiscalYear);
    }

    /** Whether the period asks for the KPI's figure: measured that year, and not held by its predecessor's KPI. */
    private boolean askedFor(KpiId kpiId, FiscalYear fiscalYear) {
        return figures.state(kpiId).map(state -> state.measuredIn(fiscalYear)
                && holders.predecessorHolding(state, fiscalYear).isEmpty()).orElse(false);
    }

    private ModelAndView page(PlanId planId, FiscalYear fiscalYear, Department department,
            Map<String, String> values, Map<String, String> reasons, FiguresResult result, String notice,
            HttpStatus status) {
        Map<String, FiguresResult.Row> previews = new LinkedHashMap<>();
        if (result != null) {
            result.results().forEach(row -> previews.put(row.kpiId(), row));
        }
        List<Line> lines = new ArrayList<>();
        for (KpiId kpiId : planKpis.registered()) {
            figures.current(kpiId).filter(kpi -> planId.value().equals(kpi.planId())
                    && department.code().equals(kpi.department()) && askedFor(kpiId, fiscalYear))
                    .ifPresent(kpi -> lines.add(new Line(kpi,
                    kpi.actuals().get(fiscalYear.year() - 1), kpi.actuals().get(fiscalYear.year()),
                    kpi.status(fiscalYear.year()).name(), kpi.status(fiscalYear.year()).isOpen(),
                    values.get(kpiId.value()), reasons.get(kpiId.value()), previews.get(kpiId.value()))));
        }
        ModelAndView page = new ModelAndView("period-department", status);
        page.addObject("asOf", null);
        page.addObject("planId", planId.value());
        page.addObject("fiscalYear", fiscalYear.year());
        page.addObject("department", department.code());
        page.addObject("lines", lines);
        page.addObject("result", result);
        page.addObject("notice", notice);
        page.addObject("periodPage", links.querySide() + "/periods/" + planId + "/" + fiscalYear.year());
        page.addObject("action", "/entry/periods/" + planId + "/" + fiscalYear.year() + "/departments/" + department);
        return page;
    }

    /** Staff see their own department's grid, the planning division (and administrators) any. */
    private static void requireMayEnter(Department department) {
        Viewer viewer = Viewer.current();
        if (!viewer.planner() && !viewer.mayEnterFor(department.code())) {
            ErrorResponseException refused = ProblemType.FORBIDDEN.exception("Staff enter and submit only their own "
                    + "department's figures.", "department");
            refused.getBody().setProperty("reason", "OTHER_DEPARTMENT");
            throw refused;
        }
    }

    /** A step the cycle refuses is shown on the problem page with its code and why. */
    private static void step(Runnable send) {
        try {
            send.run();
        } catch (PeriodRuleException refused) {
            throw refused.code().exception(refused.getMessage(), refused.field());
        } catch (KpiRuleViolation refused) {
            throw refused.code().exception(refused.getMessage(), refused.field());
        }
    }

    private ModelAndView toThePeriod(PlanId planId, FiscalYear fiscalYear) {
        return redirect(links.querySide() + "/periods/" + planId + "/" + fiscalYear.year());
    }

    private static ModelAndView redirect(String path) {
        RedirectView redirect = new RedirectView(path);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    private static BigDecimal number(String typed) {
        try {
            return new BigDecimal(typed.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value, String field, boolean multiLine) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String violation = TextRules.violation(value, multiLine);
        if (violation != null) {
            throw new InvalidFieldException(field, violation);
        }
        return TextRules.canonical(value.strip());
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "A " + field + " is required.");
        }
        return Objects.requireNonNull(value);
    }
}
