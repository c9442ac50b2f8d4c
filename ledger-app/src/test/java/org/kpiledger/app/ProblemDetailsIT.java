package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.ACTOR;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Every way a request can be refused answers with RFC 9457 problem details carrying the status, a stable code
 * and the field at fault, and leaves the event store exactly as it was.
 */
class ProblemDetailsIT {

    private static final String KPI = "1-1-1-01";
    private static final String ACTUALS = "/api/v1/kpis/" + KPI + "/actuals";
    private static LedgerProcesses processes;
    private static LedgerHttp http;

    @BeforeAll
    static void startWithOneKpiAndOneActual() {
        processes = new LedgerProcesses();
        http = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(http.post("/api/v1/kpis", registerStartups(KPI), ACTOR, "setup").status()).isEqualTo(201);
        assertThat(http.post(ACTUALS, recordActual(2015, 9), ACTOR, "setup").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("body that is not JSON", 400, "MALFORMED_REQUEST", null,
                        h -> h.post("/api/v1/kpis", "{\"kpiId\": ", ACTOR, "clerk")),
                refusal("KPI without name", 400, "INVALID_FIELD", "name",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("\"name\"", "\"title\""),
                                ACTOR, "clerk")),
                refusal("unknown accumulation", 400, "INVALID_FIELD", "accumulation",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("CUMULATIVE", "WEEKLY"),
                                ACTOR, "clerk")),
                refusal("KPI id with a space", 400, "INVALID_FIELD", "kpiId",
                        h -> h.post("/api/v1/kpis", registerStartups("a b"), ACTOR, "clerk")),
                refusal("target year before the baseline", 400, "INVALID_FIELD", "target.fiscalYear",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("平成31年度", "平成25年度"),
                                ACTOR, "clerk")),
                refusal("KPI registered twice", 409, "KPI_ALREADY_REGISTERED", "kpiId",
                        h -> h.post("/api/v1/kpis", registerStartups(KPI), ACTOR, "clerk")),
                refusal("write without actor", 400, "MISSING_HEADER", "X-Actor",
                        h -> h.post(ACTUALS, recordActual(2016, 10))),
                refusal("fiscal year in no known form", 400, "INVALID_FIELD", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual("FY18", 10), ACTOR, "clerk")),
                refusal("value that is not a number", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, recordActual(2016, "ten"), ACTOR, "clerk")),
                refusal("actual for an unknown KPI", 404, "KPI_NOT_FOUND", "kpiId",
                        h -> h.post("/api/v1/kpis/9-9-9-99/actuals", recordActual(2016, 10), ACTOR, "clerk")),
                refusal("second actual for a year", 409, "ACTUAL_ALREADY_RECORDED", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual("H27", 10), ACTOR, "clerk")),
                refusal("actual for a year not started", 409, "FISCAL_YEAR_NOT_STARTED", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual(2099, 10), ACTOR, "clerk")),
                refusal("correction of a year without actual", 409, "ACTUAL_NOT_RECORDED", "fiscalYear",
                        h -> h.put(ACTUALS + "/2016", correctActual(10, "typo"), ACTOR, "clerk", "If-Match", "*")),
                refusal("correction without reason", 400, "INVALID_FIELD", "reason",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, " "), ACTOR, "clerk", "If-Match", "*")),
                refusal("correction that changes nothing", 409, "NOTHING_CHANGED", "value",
                        h -> h.put(ACTUALS + "/2015", correctActual("9.0", "typo"), ACTOR, "clerk", "If-Match", "*")),
                refusal("fiscal year in the path in no known form", 400, "INVALID_FIELD", "fiscalYear",
                        h -> h.put(ACTUALS + "/last-year", correctActual(10, "typo"), ACTOR, "clerk", "If-Match", "*")),
                refusal("correction against a stale version", 412, "STALE_VERSION", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), ACTOR, "clerk", "If-Match", "\"0\"")),
                refusal("If-Match that is no version", 400, "INVALID_FIELD", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), ACTOR, "clerk", "If-Match", "\"v1\"")),
                refusal("target revision that changes nothing", 409, "NOTHING_CHANGED", "value",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2019, 21, "same", "none"),
                                ACTOR, "clerk", "If-Match", "\"1\"")),
                refusal("target revision without decision", 400, "INVALID_FIELD", "decisionReference",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25, "raise", ""),
                                ACTOR, "clerk", "If-Match", "\"1\"")),
                refusal("correction without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), ACTOR, "clerk")),
                refusal("target revision without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25, "raise", "議決"),
                                ACTOR, "clerk")),
                refusal("body that is not JSON by its content type", 415, "UNSUPPORTED_MEDIA_TYPE", null,
                        h -> h.post(ACTUALS, recordActual(2016, 10), ACTOR, "clerk", "Content-Type", "text/plain")),
                refusal("read of an unknown KPI", 404, "KPI_NOT_FOUND", "kpiId",
                        h -> h.get("/api/v1/kpis/9-9-9-99")));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("refusals")
    void refusesWithProblemDetailsAndLeavesNoEvent(String description, int status, String code, String field,
                                                   Function<LedgerHttp, Reply> request) {
        long eventsBefore = processes.eventCount();

        Reply reply = request.apply(http);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.problemCode()).isEqualTo(code);
        assertThat(reply.json().path("detail").asString()).isNotBlank();
        if (field == null) {
            assertThat(reply.json().has("field")).isFalse();
        } else {
            assertThat(reply.problemField()).isEqualTo(field);
        }
        assertThat(processes.eventCount()).isEqualTo(eventsBefore);
    }

    private static Arguments refusal(String description, int status, String code, String field,
                                     Function<LedgerHttp, Reply> request) {
        return Arguments.of(description, status, code, field, request);
    }
}
