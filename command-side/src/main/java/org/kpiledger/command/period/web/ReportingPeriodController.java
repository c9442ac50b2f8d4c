package org.kpiledger.command.period.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kpiledger.command.period.FiguresNotStoredException;
import org.kpiledger.command.period.FiguresResult;
import org.kpiledger.command.period.PeriodRuleException;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.period.DeclareFigureLateCommand;
import org.kpiledger.events.period.FigureRow;
import org.kpiledger.events.period.GiveOpinionCommand;
import org.kpiledger.events.period.OpenReportingPeriodCommand;
import org.kpiledger.events.period.PublishPeriodCommand;
import org.kpiledger.events.period.RecordFiguresCommand;
import org.kpiledger.events.period.ReopenPeriodCommand;
import org.kpiledger.events.period.ReportingPeriodId;
import org.kpiledger.events.period.ReviewDepartmentCommand;
import org.kpiledger.events.period.SubmitDepartmentCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.integrity.publication.Publisher;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.web.StrictUtf8;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporting cycle's writes: open a period, send the year's figures in bulk (JSON or CSV, all or nothing, with a
 * dry run), declare a figure late, submit a department, review it, give opinions, publish (and lock) the year,
 * reopen it by decision. Each is one command, one transaction.
 */
@RestController
@RequestMapping("/api/v1/strategies/{planId}/periods")
@Tag(name = "Reporting cycle", description = "Periods, figures in bulk, submissions, reviews, opinions, publication")
class ReportingPeriodController {

    static final String CSV_HEADER = "kpiId,value,note,evidenceReference,reason";

    private final CommandDispatcher commands;
    private final EventPositions positions;
    private final Publisher publisher;
    private final Validator validator;

    ReportingPeriodController(CommandDispatcher commands, EventPositions positions, Publisher publisher,
            Validator validator) {
        this.commands = commands;
        this.positions = positions;
        this.publisher = publisher;
        this.validator = validator;
    }

    @PostMapping
    @Operation(summary = "Open the reporting period of a plan for a fiscal year, with the departments' due date")
    ResponseEntity<PeriodRequests.Stepped> open(@PathVariable PlanId planId,
            @Valid @RequestBody PeriodRequests.OpenPeriod request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, request.fiscalYear());
        commands.send(new OpenReportingPeriodCommand(periodId, request.dueDate()));
        return ResponseEntity.created(URI.create("/api/v1/strategies/" + planId + "/periods/"
                + request.fiscalYear().year())).body(stepped(periodId, List.of()));
    }

    @PostMapping(path = "/{fiscalYear}/figures", consumes = "application/json")
    @Operation(summary = "Record or correct many figures of the year at once, all or nothing (dryRun: store nothing, "
            + "preview the grades)")
    ResponseEntity<FiguresResult> figures(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam(defaultValue = "false") boolean dryRun, @Valid @RequestBody PeriodRequests.Figures request) {
        return record(new ReportingPeriodId(planId, fiscalYear), request.figures(), dryRun);
    }

    @PostMapping(path = "/{fiscalYear}/figures", consumes = "text/csv")
    @Operation(summary = "The same, as CSV in UTF-8 (with or without BOM): " + CSV_HEADER)
    ResponseEntity<FiguresResult> figuresAsCsv(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody byte[] csv) {
        return record(new ReportingPeriodId(planId, fiscalYear), lines(csv), dryRun);
    }

    @PostMapping(path = "/{fiscalYear}/figures", consumes = EffectVerificationSheet.XLSX)
    @Operation(summary = "The same, as the XLSX effect verification sheet the export produces "
            + "(?format=xlsx&fiscalYear=…) with the year's column filled in")
    ResponseEntity<FiguresResult> figuresAsSheet(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody byte[] xlsx) {
        return record(new ReportingPeriodId(planId, fiscalYear), EffectVerificationSheet.lines(xlsx, fiscalYear),
                dryRun);
    }

    @PostMapping("/{fiscalYear}/late-figures")
    @Operation(summary = "Declare that a KPI's figure of the year comes later, why and when it is expected")
    ResponseEntity<PeriodRequests.Stepped> late(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @Valid @RequestBody PeriodRequests.LateFigure request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        commands.send(new DeclareFigureLateCommand(periodId, request.kpiId(), request.reason().strip(),
                request.expectedBy()));
        return ResponseEntity.ok(new PeriodRequests.Stepped(periodId.toString(),
                List.of(request.kpiId().value()), positions.lastOf(request.kpiId().value())));
    }

    @PostMapping("/{fiscalYear}/departments/{department}/submission")
    @Operation(summary = "Submit the department's figures of the year for review (every KPI with a figure or "
            + "declared late)")
    ResponseEntity<PeriodRequests.Stepped> submit(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        List<KpiId> submitted = commands.send(new SubmitDepartmentCommand(periodId, department));
        return ResponseEntity.ok(stepped(periodId, submitted));
    }

    @PostMapping("/{fiscalYear}/departments/{department}/review")
    @Operation(summary = "Approve the department's submission, or return it with a comment (never your own)")
    ResponseEntity<PeriodRequests.Stepped> review(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, @Valid @RequestBody PeriodRequests.Review request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        List<KpiId> reviewed = commands.send(new ReviewDepartmentCommand(periodId, department, request.decision(),
                request.comment()));
        return ResponseEntity.ok(stepped(periodId, reviewed));
    }

    @PostMapping("/{fiscalYear}/opinions")
    @Operation(summary = "Record an opinion of the committee, on the plan, a basic goal or a KPI")
    ResponseEntity<PeriodRequests.Stepped> opinion(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @Valid @RequestBody PeriodRequests.Opinion request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        String opinionId = UUID.randomUUID().toString();
        commands.send(new GiveOpinionCommand(periodId, opinionId, request.text().strip(), request.kpiId(),
                request.goal()));
        return ResponseEntity.status(201).body(stepped(periodId, List.of()));
    }

    record PeriodPublished(String periodId, String publicationId, List<String> kpiIds, long position,
                           long checkpointSize, String checkpointRootHash, String viewHash) {
    }

    @PostMapping("/{fiscalYear}/publication")
    @Operation(summary = "Publish the year's report (every owning department approved) and lock its figures")
    ResponseEntity<PeriodPublished> publish(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @Valid @RequestBody PeriodRequests.Publish request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        String publicationId = UUID.randomUUID().toString();
        List<KpiId> locked = commands.send(new PublishPeriodCommand(periodId, publicationId, request.title()));
        ReportPublishedEvent report = publisher.publish(publicationId, request.title());
        return ResponseEntity.created(URI.create("/api/v1/publications/" + publicationId)).body(new PeriodPublished(
                periodId.toString(), publicationId, locked.stream().map(KpiId::value).toList(), report.position(),
                report.checkpointSize(), report.checkpointRootHash(), report.viewHash()));
    }

    @PostMapping("/{fiscalYear}/reopenings")
    @Operation(summary = "Reopen published figures of the year (the listed KPIs, or all) by a recorded decision")
    ResponseEntity<PeriodRequests.Stepped> reopen(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @Valid @RequestBody PeriodRequests.Reopen request) {
        ReportingPeriodId periodId = new ReportingPeriodId(planId, fiscalYear);
        List<KpiId> reopened = commands.send(new ReopenPeriodCommand(periodId, request.reason().strip(),
                request.decisionReference().strip(), request.kpiIds()));
        return ResponseEntity.status(201).body(stepped(periodId, reopened));
    }

    /**
     * Every row checked on its own: a row that is not even well formed is refused here, the others by their KPIs
     * in a dry run, so that the answer names every row's fate whatever is wrong; only a bulk without a refused row
     * is sent to be stored.
     */
    ResponseEntity<FiguresResult> record(ReportingPeriodId periodId, List<PeriodRequests.FigureLine> lines,
            boolean dryRun) {
        List<FiguresResult.Row> malformed = new ArrayList<>();
        List<FigureRow> rows = new ArrayList<>();
        List<Integer> rowAt = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PeriodRequests.FigureLine line = lines.get(i);
            FiguresResult.Row refusal = malformed(line);
            malformed.add(refusal);
            if (refusal == null) {
                rows.add(new FigureRow(new KpiId(line.kpiId().strip()), line.value(), blankless(line.note()),
                        blankless(line.evidenceReference()), blankless(line.reason())));
                rowAt.add(i);
            }
        }
        boolean anyMalformed = rows.size() < lines.size();
        FiguresResult decided;
        try {
            decided = commands.send(new RecordFiguresCommand(periodId, rows, dryRun || anyMalformed));
        } catch (FiguresNotStoredException notStored) {
            decided = notStored.result();
        }
        List<FiguresResult.Row> all = new ArrayList<>(malformed);
        for (int i = 0; i < rowAt.size(); i++) {
            all.set(rowAt.get(i), decided.results().get(i));
        }
        FiguresResult result = new FiguresResult(all, decided.recorded(), decided.corrected(), decided.unchanged(),
                decided.refused() + (lines.size() - rows.size()), null);
        if (result.refused() > 0) {
            throw new FiguresRefusedException(result);
        }
        return ResponseEntity.ok(dryRun ? result
                : result.at(positions.lastOfAny(rows.stream().map(row -> row.kpiId().value()).toList())));
    }

    private FiguresResult.Row malformed(PeriodRequests.FigureLine line) {
        Set<ConstraintViolation<PeriodRequests.FigureLine>> violations = validator.validate(line);
        String kpiId = line.kpiId();
        if (violations.isEmpty()) {
            try {
                new KpiId(line.kpiId().strip());
                return null;
            } catch (IllegalArgumentException e) {
                return new FiguresResult.Row(kpiId, "REFUSED", ProblemType.INVALID_FIELD.name(), "kpiId",
                        e.getMessage(), null, null, null, null);
            }
        }
        ConstraintViolation<PeriodRequests.FigureLine> first = violations.stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString())).orElseThrow();
        return new FiguresResult.Row(kpiId, "REFUSED", ProblemType.INVALID_FIELD.name(),
                first.getPropertyPath().toString(), first.getPropertyPath() + " " + first.getMessage() + ".", null,
                null, null, null);
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The CSV's rows: a header naming the columns (any order; kpiId and value required), then one figure a line. */
    private static List<PeriodRequests.FigureLine> lines(byte[] csv) {
        String text = StrictUtf8.csv(csv, "The figures are not UTF-8 (save them as \"CSV UTF-8\").");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            if (!parser.getHeaderMap().containsKey("kpiId") || !parser.getHeaderMap().containsKey("value")) {
                throw new InvalidFieldException("body", "The first line names the columns: " + CSV_HEADER + ".");
            }
            List<PeriodRequests.FigureLine> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                lines.add(new PeriodRequests.FigureLine(cell(record, "kpiId"), number(record),
                        cell(record, "note"), cell(record, "evidenceReference"), cell(record, "reason")));
            }
            return lines;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidFieldException invalid) {
                throw invalid;
            }
            throw new InvalidFieldException("body", "The figures are not well-formed CSV: " + e.getMessage());
        }
    }

    /** A cell's text; an empty cell, or a column the file does not have, is none. */
    private static String cell(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) && !record.get(column).isEmpty()
                ? record.get(column) : null;
    }

    /** A value that is not a number is sent on as none, so that its row is refused for it and named. */
    private static BigDecimal number(CSVRecord record) {
        String value = cell(record, "value");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private PeriodRequests.Stepped stepped(ReportingPeriodId periodId, List<KpiId> kpiIds) {
        return new PeriodRequests.Stepped(periodId.toString(), kpiIds.stream().map(KpiId::value).toList(),
                positions.lastOf(periodId.toString()));
    }

    @ExceptionHandler(FiguresRefusedException.class)
    ResponseEntity<ProblemDetail> refused(FiguresRefusedException e) {
        FiguresResult result = e.result();
        ProblemDetail problem = ProblemType.FIGURES_REFUSED.problem(result.refused() + " of " + result.results().size()
                + " figures were refused; nothing was stored.", "figures");
        problem.setProperty("results", result.results());
        problem.setProperty("recorded", result.recorded());
        problem.setProperty("corrected", result.corrected());
        problem.setProperty("unchanged", result.unchanged());
        problem.setProperty("refused", result.refused());
        return ProblemCode.response(problem);
    }

    @ExceptionHandler(PeriodRuleException.class)
    ResponseEntity<ProblemDetail> periodRule(PeriodRuleException e) {
        ProblemDetail problem = e.code().problem(e.getMessage(), e.field());
        if (e.reason() != null) {
            problem.setProperty("reason", e.reason());
        }
        return ProblemCode.response(problem);
    }

    /** A bulk with a refused row: answered 422 with every row. */
    static final class FiguresRefusedException extends RuntimeException {

        private final transient FiguresResult result;

        FiguresRefusedException(FiguresResult result) {
            super(null, null, false, false);
            this.result = result;
        }

        FiguresResult result() {
            return result;
        }
    }
}
