package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.passwordOf;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 6: generated hostile requests against every write endpoint of the running ledger (seeded cases, {@link
 * Seeds}). Every answer is a
 * success or a problem document, never a server error; a refusal stores nothing and a success exactly one event;
 * afterwards the read model has caught up with every KPI, holds no dead letter, and equals a fresh replay.
 */
class HostileInputPropertiesIT {

    private static final String KPI = "1-1-1-01";
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp http;

    @BeforeAll
    static void startWithOneKpi() {
        processes = new LedgerProcesses();
        ledger = processes.start(LedgerApplication.class);
        http = LedgerProcesses.http(ledger);
        http.createUser("sato", "sangyo", "STAFF");
        http.createUser("ito", "kosodate", "STAFF");
        http.createUser("tanaka", null, "PLANNER");
        assertThat(http.post("/api/v1/kpis", registerStartups(KPI, "sangyo")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/kpis/" + KPI + "/actuals", recordActual(2015, 9)).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void readModelEqualsAFreshReplay() throws Exception {
        try {
            String caughtUp = awaitCaughtUp();
            assertThat(http.get("/api/v1/operations/dead-letters").json().path("deadLetters")).isEmpty();

            StreamingEventProcessor processor = ledger.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("kpi-progress", StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();

            assertThat(awaitCaughtUp()).isEqualTo(caughtUp);
        } finally {
            processes.close();
        }
    }

    static Stream<Long> seeds() {
        return Seeds.cases(400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyAnswerIsASuccessOrAProblemAndOnlyASuccessStoresAnEvent(long seed) {
        HostileWrite write = hostileWrite(new Random(seed));
        long before = processes.eventCount();

        Reply reply = write.sendTo(http);

        assertThat(reply.status()).as("%s answered %s", write, reply.body()).isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(write.toString()).startsWith("application/problem+json");
            assertThat(reply.problemCode()).as(write.toString()).isNotBlank();
            assertThat(processes.eventCount()).as("a refusal stores nothing: %s", write).isEqualTo(before);
        } else {
            assertThat(processes.eventCount()).as("a success stores one event: %s", write).isEqualTo(before + 1);
        }
    }

    static HostileWrite hostileWrite(Random random) {
        String method = Seeds.oneOf(random, "POST", "PUT", "PATCH", "DELETE");
        String path = Seeds.anyOf(random,
                r -> Seeds.oneOf(r, "/api/v1/kpis", "/api/v1/kpis/" + KPI + "/actuals", "/api/v1/kpis/" + KPI
                        + "/actuals/2015", "/api/v1/kpis/" + KPI + "/target", "/api/v1/kpis/" + KPI + "/actuals/H27",
                        "/api/v1/catalogs", "/api/v1/strategies/shinagawa-2015/scoring-policies",
                        "/api/v1/kpis/" + KPI + "/placement", "/api/v1/kpis/" + KPI + "/department"),
                r -> "/api/v1/kpis/" + hostileSegment(r) + "/actuals",
                r -> "/api/v1/kpis/" + KPI + "/actuals/" + hostileSegment(r));
        String body = Seeds.anyOf(random, HostileInputPropertiesIT::validBody, HostileInputPropertiesIT::mutatedBody,
                HostileInputPropertiesIT::junk);
        List<String> headers = new ArrayList<>();
        for (String line : List.of(
                Seeds.oneOf(random, basic("admin", LedgerProcesses.ADMIN_PASSWORD), basic("sato", passwordOf("sato")),
                        basic("ito", passwordOf("ito")), basic("tanaka", passwordOf("tanaka")),
                        basic("mallory", "guessed-password"), "Authorization: Basic " + LedgerHttp.utf8Header("佐藤"),
                        "Authorization: Bearer e30.e30.", "X-Actor: admin", ""),
                Seeds.oneOf(random, "", "If-Match: *", "If-Match: \"0\"", "If-Match: \"1\"", "If-Match: W/\"1\"",
                        "If-Match: \"1", "If-Match: 1", "If-Match: \"99999999999999999999\"", "If-Match: \"-1\""),
                Seeds.oneOf(random, "", "Accept: application/json", "Accept: */*", "Accept: application/xml",
                        "Accept: text/html;q=0.9, */*;q=0.1", "Accept: ;;;", "Accept: application/json;q=0"),
                Seeds.oneOf(random, "", "Content-Type: text/plain", "Content-Type: application/json;charset=UTF-16",
                        "Content-Type: application/x-www-form-urlencoded", "X-Correlation-Id: ../../etc",
                        "X-Correlation-Id: ok-1"))) {
            if (!line.isEmpty()) {
                headers.add(line);
            }
        }
        return new HostileWrite(method, path, body, headers);
    }

    private static String basic(String username, String password) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String hostileSegment(Random random) {
        return Seeds.oneOf(random, "%2F", "%00", "..", "%2e%2e", "a%20b", "%E2%80%AE", "%C0%AF", "9-9-9-99",
                "x".repeat(70), "%F0%9F%98%80", "FY18", "R99", "平成", "-1", "1e3");
    }

    private static String validBody(Random random) {
        return Seeds.oneOf(random,
                registerStartups("generated"),
                recordActual(2016, 11), recordActual("H29", 12),
                LedgerHttp.json(Map.of("value", 8, "reason", "二重計上")),
                LedgerHttp.json(Map.of("fiscalYear", "R2", "value", 25, "comparator", "AT_LEAST", "reason", "延長",
                        "decisionReference", "議決")));
    }

    /** A valid body with one value replaced by something hostile. */
    private static String mutatedBody(Random random) {
        String value = Seeds.anyOf(random,
                r -> {
                    StringBuilder controls = new StringBuilder();
                    for (int i = Seeds.between(r, 1, 5); i > 0; i--) {
                        controls.append((char) r.nextInt(0x20));
                    }
                    return LedgerHttp.json(Map.of("x", controls.toString())).replace("{\"x\":", "").replace("}", "");
                },
                r -> Seeds.oneOf(r, "\"\\u0000\"", "\"\\ud800\"", "\"\\u202Eabc\"", "\"\\u200B\"", "\"  \"",
                        "\"\"", "true", "null", "[]", "{}", "\"12\"", "-0", "1e400", "-1e-400", "12345678901234567890.5",
                        "NaN", "0.0000001", "-5", "2.5", "250", "\"" + "長".repeat(3000) + "\""),
                r -> String.valueOf(Seeds.between(r, -5, 3000)));
        String name = Seeds.oneOf(random, "\"name\"", "\"unit\"", "\"value\"", "\"fiscalYear\"", "\"note\"",
                "\"reason\"", "\"kpiId\"", "\"comparator\"", "\"qualifier\"", "\"decisionReference\"");
        String body = validBody(random);
        int at = body.indexOf(name + ":");
        if (at < 0) {
            return body.replaceFirst("\\{", "{" + name + ":" + value + ",");
        }
        int start = at + name.length() + 1;
        int end = start;
        int depth = 0;
        boolean inString = false;
        for (; end < body.length(); end++) {
            char c = body.charAt(end);
            if (c == '"' && body.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                if (depth-- == 0) {
                    break;
                }
            } else if (!inString && c == ',' && depth == 0) {
                break;
            }
        }
        return body.substring(0, start) + value + body.substring(end);
    }

    private static String junk(Random random) {
        return Seeds.anyOf(random, r -> Seeds.anyText(r, 200),
                r -> Seeds.oneOf(r, "", "{", "[1,2]", "\"text\"", "{\"value\":1,\"value\":2}", "{}{}", "null",
                        "{\"fiscalYear\":2016,\"value\":12,\"actor\":\"mallory\"}"));
    }

    /** Waits until every KPI's view has the version of its last event in the store; answers the whole list. */
    private static String awaitCaughtUp() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var store = processes.database().queryForList(
                    "select aggregate_identifier as kpi, max(sequence_number) as version from domain_event_entry "
                            + "group by aggregate_identifier order by 1");
            Reply list = http.get("/api/v1/kpis");
            var views = list.json().path("kpis");
            if (views.size() != store.size()) {
                return null;
            }
            for (int i = 0; i < store.size(); i++) {
                if (!views.get(i).path("kpiId").asString().equals(store.get(i).get("kpi"))
                        || views.get(i).path("version").asLong() != ((Number) store.get(i).get("version")).longValue()) {
                    return null;
                }
            }
            return list.body();
        }, body -> body != null);
    }

    record HostileWrite(String method, String path, String body, List<String> headers) {

        Reply sendTo(LedgerHttp http) {
            return http.anonymous().raw(method, path, body, headers.toArray(String[]::new));
        }
    }
}
