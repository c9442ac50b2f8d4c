package org.kpiledger.command.kpi.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpiledger.command.kpi.DepartmentRuleException;
import org.kpiledger.command.kpi.InvalidKpiCommandException;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.StaleVersionException;
import org.kpiledger.platform.web.LedgerProblemDetailsHandler;
import org.kpiledger.platform.web.ProblemCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the KPI's refusals, and Axon's own, to problem details; each refused command left no event. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class KpiCommandProblemHandler {

    @ExceptionHandler(KpiRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(KpiRuleViolation e) {
        return respond(HttpStatus.CONFLICT, e.code(), e.getMessage(), e.field());
    }

    @ExceptionHandler(DepartmentRuleException.class)
    ResponseEntity<ProblemDetail> departmentRule(DepartmentRuleException e) {
        ProblemDetail problem = ProblemCode.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), null);
        problem.setProperty("reason", e.reason().name());
        return ProblemCode.response(problem);
    }

    @ExceptionHandler(InvalidKpiCommandException.class)
    ResponseEntity<ProblemDetail> invalidCommand(InvalidKpiCommandException e) {
        return respond(HttpStatus.BAD_REQUEST, LedgerProblemDetailsHandler.INVALID_FIELD, e.getMessage(), e.field());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, EntityTags.of(e.currentVersion()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemCode.problem(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION", e.getMessage(),
                        EntityTags.IF_MATCH));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return respond(HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED", e.getMessage(), EntityTags.IF_MATCH);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownKpi(AggregateNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "KPI_NOT_FOUND",
                "No KPI " + e.getAggregateIdentifier() + " is registered.", "kpiId");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyRegistered(AggregateStreamCreationException e) {
        return respond(HttpStatus.CONFLICT, "KPI_ALREADY_REGISTERED",
                "A KPI with this id is already registered.", "kpiId");
    }

    /** Two writers appended to one KPI at the same moment; the store kept the first, this one wrote nothing. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e) {
        return respond(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Another change to this KPI was saved at the same moment; read it again and retry.", null);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail, String field) {
        return ProblemCode.response(status, code, detail, field);
    }
}
