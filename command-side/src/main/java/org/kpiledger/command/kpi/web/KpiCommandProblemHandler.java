package org.kpiledger.command.kpi.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpiledger.command.kpi.DepartmentRuleException;
import org.kpiledger.command.kpi.InvalidKpiCommandException;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.StaleVersionException;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.platform.web.ProblemType;
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
        return e.code().response(e.getMessage(), e.field());
    }

    @ExceptionHandler(DepartmentRuleException.class)
    ResponseEntity<ProblemDetail> departmentRule(DepartmentRuleException e) {
        ProblemDetail problem = ProblemType.FORBIDDEN.problem(e.getMessage(), null);
        problem.setProperty("reason", e.reason().name());
        return ProblemCode.response(problem);
    }

    @ExceptionHandler(InvalidKpiCommandException.class)
    ResponseEntity<ProblemDetail> invalidCommand(InvalidKpiCommandException e) {
        return ProblemType.INVALID_FIELD.response(e.getMessage(), e.field());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, EntityTags.of(e.currentVersion()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemType.STALE_VERSION.problem(e.getMessage(),
                        EntityTags.IF_MATCH));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return ProblemType.PRECONDITION_REQUIRED.response(e.getMessage(), EntityTags.IF_MATCH);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownKpi(AggregateNotFoundException e) {
        return ProblemType.KPI_NOT_FOUND.response("No KPI " + e.getAggregateIdentifier() + " is registered.", "kpiId");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyRegistered(AggregateStreamCreationException e) {
        return ProblemType.KPI_ALREADY_REGISTERED.response("A KPI with this id is already registered.", "kpiId");
    }

    /** Two writers appended to one KPI at the same moment; the store kept the first, this one wrote nothing. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e) {
        return ProblemType.CONCURRENT_MODIFICATION.response(
                "Another change to this KPI was saved at the same moment; read it again and retry.", null);
    }
}
