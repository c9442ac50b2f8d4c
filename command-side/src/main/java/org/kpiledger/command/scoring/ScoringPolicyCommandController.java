package org.kpiledger.command.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.scoring.DefineScoringPolicyCommand;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.platform.commands.EventPositions;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.LedgerProblemDetailsHandler;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.web.StrictUtf8;
import org.kpiledger.platform.web.TextRules;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * A city's own grading rule, defined as data in the form of the shipped policies: validated whole (every field at
 * fault named), then recorded as a policy version that never changes. Adopting it is the strategy's
 * {@code POST /api/v1/strategies/{planId}/scoring-policies}, which regrades as for a shipped one.
 */
@RestController
@RequestMapping("/api/v1/scoring-policies")
@Tag(name = "Scoring policies")
class ScoringPolicyCommandController {

    private final CommandDispatcher commands;
    private final DefinedScoringPolicies policies;
    private final EventPositions positions;

    ScoringPolicyCommandController(CommandDispatcher commands, DefinedScoringPolicies policies,
            EventPositions positions) {
        this.commands = commands;
        this.policies = policies;
        this.positions = positions;
    }

    record Defined(String policyId, int version, ScoringPolicy policy, long position) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Define a scoring policy, or a new version of one, in the form of the shipped ones "
            + "(bands may also name minShareOfTarget, aboveBaseline, withinBaselineTolerance)")
    ResponseEntity<Defined> define(@RequestBody byte[] body) {
        ScoringPolicy policy = parse(body);
        List<ScoringPolicy.Problem> problems = new ArrayList<>(policy.problems());
        texts(policy).forEach((field, text) -> {
            String violation = TextRules.violation(text, field.equals("description"));
            if (violation != null) {
                problems.add(new ScoringPolicy.Problem(field, violation));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        if (policies.exists(policy.id(), policy.version())) {
            throw ProblemType.SCORING_POLICY_EXISTS.exception(policy.id() + " version " + policy.version()
                    + " is already defined, and a version never changes: define version " + (policy.version() + 1)
                    + ".", "version");
        }
        String stream = ScoringPolicyEvent.streamOf(policy.id(), policy.version());
        commands.send(new DefineScoringPolicyCommand(stream, policy.id(), policy.version(),
                ScoringPolicies.write(policy)));
        return ResponseEntity.created(URI.create("/api/v1/scoring-policies")).body(new Defined(policy.id(),
                policy.version(), policy, positions.lastOf(stream)));
    }

    private static ScoringPolicy parse(byte[] body) {
        String json;
        try {
            json = StrictUtf8.decode(body);
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("body", "The policy is not UTF-8.");
        }
        try {
            return ScoringPolicies.parse(json);
        } catch (JacksonException e) {
            String field = LedgerProblemDetailsHandler.fieldPath(e.getPath());
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new InvalidFieldException(field.isEmpty() ? "body" : field, message);
        }
    }

    /** Every text of the policy, by its field: each follows the ledger's text rules. */
    private static Map<String, String> texts(ScoringPolicy policy) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", policy.title());
        texts.put("description", policy.description());
        if (policy.achieved() != null) {
            texts.put("achieved.grade", policy.achieved().grade());
        }
        for (int i = 0; i < policy.bands().size(); i++) {
            texts.put("bands[" + i + "].grade", policy.bands().get(i).grade());
        }
        texts.values().removeIf(text -> text == null);
        return texts;
    }

    @ExceptionHandler(InvalidPolicyException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPolicyException e) {
        ProblemDetail problem = ProblemType.INVALID_FIELD.problem(e.problems().size() + " fields of the policy are "
                + "wrong: " + e.problems().get(0).field() + ": " + e.problems().get(0).message(),
                e.problems().get(0).field());
        problem.setProperty("errors", e.problems().stream()
                .map(each -> Map.of("field", each.field(), "message", each.message())).toList());
        return ProblemCode.response(problem);
    }

    /** A policy with fields at fault, every one of them named. */
    static final class InvalidPolicyException extends RuntimeException {

        private final transient List<ScoringPolicy.Problem> problems;

        InvalidPolicyException(List<ScoringPolicy.Problem> problems) {
            super(null, null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<ScoringPolicy.Problem> problems() {
            return problems;
        }
    }
}
