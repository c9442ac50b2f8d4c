package org.kpiledger.platform.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kpiledger.platform.web.ProblemType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * Completes the API document from the two tables the service itself runs on: who may call each operation (the
 * access table, written into its description and {@code x-access}) and the problems it may answer (RFC 9457, typed
 * {@code application/problem+json}, with the {@code code} of {@link ProblemType} and the {@code field}). What the
 * document says is therefore what the service does; a test fails when an operation lacks either.
 */
class ApiDocumentAccessAndProblems implements OpenApiCustomizer {

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    private final AccessTable table;
    private final String licenceName;
    private final String licenceUrl;

    ApiDocumentAccessAndProblems(AccessTable table, String licenceName, String licenceUrl) {
        this.table = table;
        this.licenceName = licenceName;
        this.licenceUrl = licenceUrl;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getInfo().license(new License().name(licenceName).url(licenceUrl));
        api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                complete(HttpMethod.valueOf(method.name()), path, operation)));
    }

    private void complete(HttpMethod method, String path, Operation operation) {
        Optional<AccessRule> rule = table.ruleFor(method, path);
        List<AccessRule> pastStates = table.parameterRulesFor(method, path);
        String who = rule.map(ApiDocumentAccessAndProblems::who).orElse("nobody (no rule of the access table)");
        String pastState = pastStates.stream().map(past -> " With `?" + past.parameter() + "=`: " + who(past) + ".")
                .collect(Collectors.joining());
        String whoMayCallIt = "**Who may call it:** " + who + "." + pastState;
        operation.setDescription(operation.getDescription() == null ? whoMayCallIt
                : operation.getDescription() + "\n\n" + whoMayCallIt);
        operation.addExtension("x-access", rule.map(ApiDocumentAccessAndProblems::accessValue).orElse("NONE"));
        if (rule.map(AccessRule::access).orElse(null) == AccessRule.Access.PUBLIC) {
            operation.setSecurity(List.of());
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
        AccessRule.Access access = rule.map(AccessRule::access).orElse(null);
        addProblem(responses, "400", "The request is not valid: a field, parameter, header or body "
                + "(`INVALID_FIELD`, `MALFORMED_REQUEST`, `INVALID_HEADER`, `MISSING_HEADER`...); `field` names it.");
        if (access != AccessRule.Access.PUBLIC || !pastStates.isEmpty()) {
            addProblem(responses, "401", "Not signed in, or the credentials are not right (`UNAUTHENTICATED`).");
            addProblem(responses, "429", "Too many wrong passwords for this account lately: wait as `Retry-After` "
                    + "says (`TOO_MANY_LOGIN_FAILURES`).");
        }
        if (access == AccessRule.Access.ROLE || write || !pastStates.isEmpty()) {
            addProblem(responses, "403", "Refused (`FORBIDDEN`, with `reason`: the role it needs, another "
                    + "department's KPI) or a browser session's write without its CSRF token (`CSRF_TOKEN_INVALID`).");
        }
        if (path.contains("{")) {
            addProblem(responses, "404", "Nothing is at this address (`KPI_NOT_FOUND`, `STRATEGY_NOT_FOUND`...).");
        }
        if (write) {
            addProblem(responses, "409", "Refused by the ledger's rules or its state (`NOTHING_CHANGED`, "
                    + "`ACTUAL_ALREADY_RECORDED`, `CONCURRENT_MODIFICATION`, `EVENT_UNREADABLE`...).");
        }
        addProblem(responses, "503", "The database is out of reach (`DATABASE_UNAVAILABLE`, with `Retry-After`)"
                + (write ? ", or the history does not verify and writes are refused (`LEDGER_INTEGRITY_BROKEN`)."
                        : "."));
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }

    private static String who(AccessRule rule) {
        return switch (rule.access()) {
            case PUBLIC -> "anybody";
            case READ -> "anybody while current progress is published (the default), else any signed-in user";
            case SIGNED_IN -> "any signed-in user";
            case ROLE -> rule.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                    + (rule.roles().contains(LedgerRole.ADMIN) ? "" : " (and ADMIN)");
        };
    }

    private static String accessValue(AccessRule rule) {
        return rule.access() == AccessRule.Access.ROLE
                ? rule.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                : rule.access().name();
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("urn:kpi-ledger:problem: and the code in lower case"));
        properties.put("title", new StringSchema().description("The status's phrase."));
        properties.put("status", new IntegerSchema().description("The HTTP status."));
        properties.put("detail", new StringSchema().description("What went wrong, for a person to read."));
        properties.put("instance", new StringSchema().description("The path that was called."));
        properties.put("code", new StringSchema().description("A stable name to branch on (docs/api.md): "
                + Arrays.stream(ProblemType.values()).map(Enum::name).collect(Collectors.joining(", "))
                + "; a status the framework answers itself (405, 406, 415...) carries the status's own name."));
        properties.put("field", new StringSchema().description("The field, parameter or header at fault, when "
                + "one is."));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status", "code"));
        schema.setDescription("An RFC 9457 problem: every refusal and error of the API.");
        return schema;
    }
}
