package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.correctActual;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;
import static org.kpiledger.app.LedgerRequests.reviseTarget;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    /** Java, Jackson, Spring or Tomcat names, which a client must never see. */
    private static final String IMPLEMENTATION_NAME =
            "(java|javax|jakarta|tools|org|com)\\.[a-z]|Exception|Tomcat|Jackson|<html|For input string";
    private static final String ACTUALS = "/api/v1/kpis/" + KPI + "/actuals";
    private static LedgerProcesses processes;
    private static LedgerHttp http;

    @BeforeAll
    static void startWithOneKpiAndOneActual() {
        processes = new LedgerProcesses();
        http = LedgerProcesses.http(processes.start(LedgerApplication.class));
        assertThat(http.post("/api/v1/kpis", registerStartups(KPI)).status()).isEqualTo(201);
        assertThat(http.post(ACTUALS, recordActual(2015, 9)).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("body that is not JSON", 400, "MALFORMED_REQUEST", null,
                        h -> h.post("/api/v1/kpis", "{\"kpiId\": ")),
                refusal("KPI without name", 400, "INVALID_FIELD", "name",
                        h -> h.post("/api/v1/kpis", registerStartups("other")
                                        .replace("\"武蔵小山創業支援センター入居者のうち、区内で継続する事業者数\"", "null"))),
                refusal("unknown accumulation", 400, "INVALID_FIELD", "accumulation",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("CUMULATIVE", "WEEKLY"))),
                refusal("KPI id with a space", 400, "INVALID_FIELD", "kpiId",
                        h -> h.post("/api/v1/kpis", registerStartups("a b"))),
                refusal("target year before the baseline", 400, "INVALID_FIELD", "target.fiscalYear",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("平成31年度", "平成25年度"))),
                refusal("KPI registered twice", 409, "KPI_ALREADY_REGISTERED", "kpiId",
                        h -> h.post("/api/v1/kpis", registerStartups(KPI))),
                refusal("write without credentials", 401, "UNAUTHENTICATED", null,
                        h -> h.anonymous().post(ACTUALS, recordActual(2016, 10))),
                refusal("fiscal year in no known form", 400, "INVALID_FIELD", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual("FY18", 10))),
                refusal("value that is not a number", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, recordActual(2016, "ten"))),
                refusal("actual for an unknown KPI", 404, "KPI_NOT_FOUND", "kpiId",
                        h -> h.post("/api/v1/kpis/9-9-9-99/actuals", recordActual(2016, 10))),
                refusal("second actual for a year", 409, "ACTUAL_ALREADY_RECORDED", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual("H27", 10))),
                refusal("actual for a year not started", 409, "FISCAL_YEAR_NOT_STARTED", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual(2099, 10))),
                refusal("correction of a year without actual", 409, "ACTUAL_NOT_RECORDED", "fiscalYear",
                        h -> h.put(ACTUALS + "/2016", correctActual(10, "typo"), "If-Match", "*")),
                refusal("correction without reason", 400, "INVALID_FIELD", "reason",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, " "), "If-Match", "*")),
                refusal("correction that changes nothing", 409, "NOTHING_CHANGED", "value",
                        h -> h.put(ACTUALS + "/2015", correctActual(new BigDecimal("9.0"), "typo"), "If-Match", "*")),
                refusal("fiscal year in the path in no known form", 400, "INVALID_FIELD", "fiscalYear",
                        h -> h.put(ACTUALS + "/last-year", correctActual(10, "typo"), "If-Match", "*")),
                refusal("correction against a stale version", 412, "STALE_VERSION", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), "If-Match", "\"0\"")),
                refusal("If-Match that is no version", 400, "INVALID_FIELD", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), "If-Match", "\"v1\"")),
                refusal("target revision that changes nothing", 409, "NOTHING_CHANGED", "value",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2019, 21, "same", "none"), "If-Match", "\"1\"")),
                refusal("target revision without decision", 400, "INVALID_FIELD", "decisionReference",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25, "raise", ""), "If-Match", "\"1\"")),
                refusal("correction without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"))),
                refusal("target revision without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25, "raise", "議決"))),
                refusal("body that is not JSON by its content type", 415, "UNSUPPORTED_MEDIA_TYPE", null,
                        h -> h.post(ACTUALS, recordActual(2016, 10), "Content-Type", "text/plain")),
                refusal("read of an unknown KPI", 404, "KPI_NOT_FOUND", "kpiId",
                        h -> h.get("/api/v1/kpis/9-9-9-99")));
    }

    /** Issue 6, item 1: text is checked at the edge, for every text field, by one rule. */
    static Stream<Arguments> textThatCannotBeStored() {
        return Stream.of(
                refusal("NUL in a KPI name", 400, "INVALID_FIELD", "name",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("武蔵小山", "武蔵\\u0000小山"))),
                refusal("NUL in a unit", 400, "INVALID_FIELD", "unit",
                        h -> h.post("/api/v1/kpis", registerStartups("other").replace("\"事業者\"", "\"事業\\u0000者\""))),
                refusal("C1 control in a note", 400, "INVALID_FIELD", "note",
                        h -> h.post(ACTUALS, withNote("年度末\\u0085時点"))),
                refusal("right-to-left override in a reason", 400, "INVALID_FIELD", "reason",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo \u202E987"),
                                "If-Match", "*")),
                refusal("isolate in an evidence reference", 400, "INVALID_FIELD", "evidenceReference",
                        h -> h.post(ACTUALS, json(Map.of("fiscalYear", 2016, "value", 10,
                                "evidenceReference", "\u2067ref\u2069")))),
                refusal("lone surrogate in a decision reference", 400, "INVALID_FIELD", "decisionReference",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target",
                                reviseTarget(2020, 25, "raise", "議決").replace("議決", "議決\\ud800"),
                                "If-Match", "*")),
                refusal("line break in a single-line qualifier", 400, "INVALID_FIELD", "baseline.qualifier",
                        h -> h.post("/api/v1/kpis", registerWithQualifier("700件以上\\n(898件)"))),
                refusal("name of invisible characters only", 400, "INVALID_FIELD", "name",
                        h -> h.post("/api/v1/kpis", registerStartups("other")
                                .replace("武蔵小山創業支援センター入居者のうち、区内で継続する事業者数", "\u200B\u3000\u00A0\uFEFF"))));
    }

    /** Issue 6, item 3: a write whose answer the client would not accept is refused before anything is stored. */
    static Stream<Arguments> writesWhoseAnswerIsNotAcceptable() {
        return Stream.of("application/xml", "text/html", "text/csv", "image/png", "application/json;q=0")
                .flatMap(accept -> Stream.of(
                        refusal("registration, Accept " + accept, 406, "NOT_ACCEPTABLE", null,
                                h -> h.post("/api/v1/kpis", registerStartups("accept-" + accept.length()),
                                        "Accept", accept)),
                        refusal("actual, Accept " + accept, 406, "NOT_ACCEPTABLE", null,
                                h -> h.post(ACTUALS, recordActual(2016, 10), "Accept", accept)),
                        refusal("correction, Accept " + accept, 406, "NOT_ACCEPTABLE", null,
                                h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"),
                                        "If-Match", "*", "Accept", accept)),
                        refusal("target revision, Accept " + accept, 406, "NOT_ACCEPTABLE", null,
                                h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25, "raise", "議決"), "If-Match", "*", "Accept", accept))));
    }

    /** Issue 6, item 4: figures that cannot be true. */
    static Stream<Arguments> figuresThatCannotBeTrue() {
        return Stream.of(
                refusal("negative count", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, recordActual(2016, -3))),
                refusal("fraction of a count", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, recordActual(2016, 2.5))),
                refusal("percentage over 100", 400, "INVALID_FIELD", "target.value",
                        h -> h.post("/api/v1/kpis", registerStartups("pct").replace("\"事業者\"", "\"%\"")
                                .replace("\"value\":21", "\"value\":250"))),
                refusal("negative corrected count", 400, "INVALID_FIELD", "value",
                        h -> h.put(ACTUALS + "/2015", correctActual(-1, "typo"), "If-Match", "*")),
                refusal("revised target a count cannot reach", 400, "INVALID_FIELD", "value",
                        h -> h.put("/api/v1/kpis/" + KPI + "/target", reviseTarget(2020, 25.5, "raise", "議決"), "If-Match", "*")),
                refusal("actual of FY1900, before the baseline year", 409, "FISCAL_YEAR_BEFORE_BASELINE", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual(1900, 3))),
                refusal("measured baseline in FY2100", 409, "FISCAL_YEAR_NOT_STARTED", "baseline.fiscalYear",
                        h -> h.post("/api/v1/kpis", registerStartups("future").replace("平成26年度", "2100")
                                .replace("平成31年度", "2101"))),
                refusal("unknown value kind", 400, "INVALID_FIELD", "valueKind",
                        h -> h.post("/api/v1/kpis", registerStartups("kind").replace("\"unit\"",
                                "\"valueKind\":\"MONEY\",\"unit\""))));
    }

    /** Issue 6, item 5: JSON is read strictly. */
    static Stream<Arguments> jsonThatIsNotReadAsMeant() {
        return Stream.of(
                refusal("a key given twice", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, "{\"fiscalYear\":2016,\"value\":1,\"value\":777}")),
                refusal("a nested key given twice", 400, "INVALID_FIELD", "target.value",
                        h -> h.post("/api/v1/kpis", registerStartups("dup").replace("\"value\":21",
                                "\"value\":21,\"value\":22"))),
                refusal("a boolean as KPI id", 400, "INVALID_FIELD", "kpiId",
                        h -> h.post("/api/v1/kpis", registerStartups("x").replace("\"x\"", "true"))),
                refusal("a number as name", 400, "INVALID_FIELD", "name",
                        h -> h.post("/api/v1/kpis", registerStartups("n").replace(
                                "\"武蔵小山創業支援センター入居者のうち、区内で継続する事業者数\"", "42"))),
                refusal("a number in a string", 400, "INVALID_FIELD", "value",
                        h -> h.post(ACTUALS, "{\"fiscalYear\":2016,\"value\":\"12\"}")),
                refusal("a number as an enum", 400, "INVALID_FIELD", "accumulation",
                        h -> h.post("/api/v1/kpis", registerStartups("e").replace("\"CUMULATIVE\"", "0"))),
                refusal("a misspelt field", 400, "INVALID_FIELD", "evidenceRefernce",
                        h -> h.post(ACTUALS, "{\"fiscalYear\":2016,\"value\":12,\"evidenceRefernce\":\"報告書\"}")),
                refusal("a body that names an actor", 400, "INVALID_FIELD", "actor",
                        h -> h.post(ACTUALS, "{\"fiscalYear\":2016,\"value\":12,\"actor\":\"someone-else\"}")),
                refusal("a fractional fiscal year", 400, "INVALID_FIELD", "fiscalYear",
                        h -> h.post(ACTUALS, recordActual(2016.5, 12))),
                refusal("content after the object", 400, "MALFORMED_REQUEST", null,
                        h -> h.post(ACTUALS, recordActual(2016, 12) + "{}")),
                refusal("an overlong UTF-8 form", 400, "MALFORMED_REQUEST", null,
                        h -> h.send("POST", ACTUALS, utf8WithBytes("{\"fiscalYear\":2016,\"value\":12,\"note\":\"",
                                new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"), false,
                                "Content-Type", "application/json")),
                refusal("a surrogate encoded in UTF-8", 400, "MALFORMED_REQUEST", null,
                        h -> h.send("POST", ACTUALS, utf8WithBytes("{\"fiscalYear\":2016,\"value\":12,\"note\":\"",
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), false,
                                "Content-Type", "application/json")),
                refusal("a body declared in another charset", 415, "UNSUPPORTED_MEDIA_TYPE", null,
                        h -> h.post(ACTUALS, recordActual(2016, 12),
                                "Content-Type", "application/json;charset=ISO-8859-1")));
    }

    /** Issue 6, items 6 to 8 and 10: limits, errors raised outside Spring MVC, If-Match, and credentials. */
    static Stream<Arguments> requestsRefusedAtTheEdge() {
        byte[] overLimit = padded(1024 * 1024 + 1);
        return Stream.of(
                refusal("a body over 1 MiB", 413, "PAYLOAD_TOO_LARGE", null,
                        h -> h.send("POST", ACTUALS, overLimit, false, "Content-Type", "application/json")),
                refusal("a body over 1 MiB of undeclared length", 413, "PAYLOAD_TOO_LARGE", null,
                        h -> h.send("POST", ACTUALS, overLimit, true, "Content-Type", "application/json")),
                refusal("an encoded slash in the path", 400, "BAD_REQUEST", null,
                        h -> h.post("/api/v1/kpis/a%2Fb/actuals", recordActual(2016, 12))),
                refusal("an encoded NUL in the path", 400, "BAD_REQUEST", null,
                        h -> h.get("/api/v1/kpis/a%00b")),
                refusal("a URL over 8 KB", 400, "BAD_REQUEST", null,
                        h -> h.get("/api/v1/kpis/" + "a".repeat(9000))),
                refusal("the error page asked for directly", 404, "NOT_FOUND", null, h -> h.get("/error")),
                refusal("an unknown path: no rule opens it", 403, "FORBIDDEN", null, h -> h.get("/api/v1/nothing-here")),
                refusal("a weak entity tag", 412, "STALE_VERSION", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), "If-Match", "W/\"1\"")),
                refusal("an unbalanced entity tag", 400, "INVALID_FIELD", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"), "If-Match", "\"1")),
                refusal("two entity tags", 400, "INVALID_FIELD", "If-Match",
                        h -> h.put(ACTUALS + "/2015", correctActual(10, "typo"),
                                "If-Match", "\"1\", \"2\"")),
                refusal("a query parameter that is not a number", 400, "INVALID_FIELD", "after",
                        h -> h.get("/api/v1/users/changes?after=x")),
                refusal("a wrong password", 401, "UNAUTHENTICATED", null,
                        h -> h.as("admin", "not-the-password").post(ACTUALS, recordActual(2016, 12))),
                refusal("credentials that are not base64", 401, "UNAUTHENTICATED", null,
                        h -> h.anonymous().raw("POST", ACTUALS, recordActual(2016, 12), "Authorization: Basic %%%")),
                refusal("a bearer token where none is configured", 401, "UNAUTHENTICATED", null,
                        h -> h.withToken("eyJhbGciOiJub25lIn0.e30.").post(ACTUALS, recordActual(2016, 12))),
                refusal("a header with a control character, refused by Tomcat itself", 400, "BAD_REQUEST", null,
                        h -> h.raw("POST", ACTUALS, recordActual(2016, 12), "X-Correlation-Id: sato\u007F")));
    }

    /** Issue 7: the strategy's endpoints refuse like every other. */
    static Stream<Arguments> strategyRequestsThatAreRefused() {
        String adopt = "/api/v1/strategies/shinagawa-2015/scoring-policies";
        return Stream.of(
                refusal("a plan id that cannot be one", 400, "INVALID_FIELD", "planId",
                        h -> h.get("/api/v1/strategies/Not%20A%20Plan")),
                refusal("a strategy not in the ledger", 404, "STRATEGY_NOT_FOUND", "planId",
                        h -> h.get("/api/v1/strategies/tokyo-2030")),
                refusal("adopting a policy for a strategy not in the ledger", 404, "STRATEGY_NOT_FOUND", "planId",
                        h -> h.post(adopt.replace("shinagawa-2015", "tokyo-2030"),
                                json(Map.of("policyId", "sabc", "version", 1, "effectiveFrom", 2017)))),
                refusal("adopting a policy that is not shipped", 400, "INVALID_FIELD", "policyId",
                        h -> h.post(adopt, json(Map.of("policyId", "sabc", "version", 9, "effectiveFrom", 2017)))),
                refusal("adopting a policy without a year", 400, "INVALID_FIELD", "effectiveFrom",
                        h -> h.post(adopt, json(Map.of("policyId", "sabc", "version", 1)))),
                refusal("a catalog sent as JSON", 415, "UNSUPPORTED_MEDIA_TYPE", null,
                        h -> h.post("/api/v1/catalogs", "{}")),
                refusal("a catalog that is not UTF-8", 400, "INVALID_FIELD", "body",
                        h -> h.send("POST", "/api/v1/catalogs", new byte[] {(byte) 0x82, (byte) 0xA0, ','}, false,
                                "Content-Type", "text/csv")),
                refusal("placing a KPI under a measure the strategy lacks", 400, "INVALID_FIELD", "measureNumber",
                        h -> h.put("/api/v1/kpis/" + KPI + "/placement", json(Map.of("planId", "shinagawa-2015",
                                "policyCode", "1-1", "measureNumber", 9)), "If-Match", "*")),
                refusal("placing a KPI in a plan named by a number", 400, "INVALID_FIELD", "planId",
                        h -> h.put("/api/v1/kpis/" + KPI + "/placement", json(Map.of("planId", 2015,
                                "policyCode", "1-1", "measureNumber", 1)), "If-Match", "*")),
                refusal("moving a KPI without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put("/api/v1/kpis/" + KPI + "/placement", json(Map.of("planId", "shinagawa-2015",
                                "policyCode", "1-1", "measureNumber", 1)))),
                refusal("a department code that cannot be one", 400, "INVALID_FIELD", "department",
                        h -> h.put("/api/v1/kpis/" + KPI + "/department", json(Map.of("department", "産業振興課")), "If-Match", "*")),
                refusal("a registration with a department given as a number", 400, "INVALID_FIELD", "department",
                        h -> h.post("/api/v1/kpis", registerStartups("dept").replace("\"kpiId\"",
                                "\"department\":7,\"kpiId\""))),
                refusal("handing a KPI to a department without If-Match", 428, "PRECONDITION_REQUIRED", "If-Match",
                        h -> h.put("/api/v1/kpis/" + KPI + "/department", json(Map.of("department", "kikaku")))),
                refusal("a catalog with a bad row", 400, "INVALID_CATALOG", "target_comparator",
                        h -> h.send("POST", "/api/v1/catalogs", oneRowCatalog().replace(",AT_LEAST,", ",ABOUT,")
                                .getBytes(StandardCharsets.UTF_8), false, "Content-Type", "text/csv")));
    }


    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource({"strategyRequestsThatAreRefused", "textThatCannotBeStored", "writesWhoseAnswerIsNotAcceptable", "figuresThatCannotBeTrue",
            "jsonThatIsNotReadAsMeant", "requestsRefusedAtTheEdge"})
    void refusesHostileInputWithProblemDetailsAndLeavesNoEvent(String description, int status, String code,
                                                                String field, Function<LedgerHttp, Reply> request) {
        refusesWithProblemDetailsAndLeavesNoEvent(description, status, code, field, request);
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
        assertThat(reply.json().path("detail").asString()).isNotBlank()
                .as("no implementation names").doesNotContainPattern(IMPLEMENTATION_NAME);
        if (field == null) {
            assertThat(reply.json().has("field")).isFalse();
        } else {
            assertThat(reply.problemField()).isEqualTo(field);
        }
        assertThat(processes.eventCount()).isEqualTo(eventsBefore);
    }

    private static String withNote(String note) {
        return "{\"fiscalYear\":2016,\"value\":10,\"note\":\"" + note + "\"}";
    }

    private static String registerWithQualifier(String qualifier) {
        return registerStartups("q").replace("\"value\":6", "\"value\":6,\"qualifier\":\"" + qualifier + "\"");
    }

    private static byte[] utf8WithBytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(raw);
        body.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A valid actual whose note makes the body {@code size} bytes long. */
    private static byte[] padded(int size) {
        String head = "{\"fiscalYear\":2016,\"value\":12,\"note\":\"";
        return (head + "a".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Arguments refusal(String description, int status, String code, String field,
                                     Function<LedgerHttp, Reply> request) {
        return Arguments.of(description, status, code, field, request);
    }
}
