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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 6: generated hostile requests against every write endpoint of the running ledger. Every answer is a
 * success or a problem document, never a server error; a refusal stores nothing and a success exactly one event;
 * afterwards the read model has caught up with every KPI, holds no dead letter, and equals a fresh replay.
 */
class HostileInputPropertiesIT {

    private static final String KPI = "1-1-1-01";
    private static LedgerProcesses processes;
    private static ConfigurableApplicationContext ledger;
    private static LedgerHttp http;

    @BeforeContainer
    static void startWithOneKpi() {
        processes = new LedgerProcesses();
        // every request comes from one address here, and a quarter of them fail to sign in on purpose
        ledger = processes.start(LedgerApplication.class, "--kpi-ledger.security.login-throttle.address-failures=100000");
        http = LedgerProcesses.http(ledger);
        http.createUser("sato", "sangyo", "STAFF");
        http.createUser("ito", "kosodate", "STAFF");
        http.createUser("tanaka", null, "PLANNER");
        assertThat(http.post("/api/v1/kpis", registerStartups(KPI, "sangyo")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/kpis/" + KPI + "/actuals", recordActual(2015, 9)).status())
                .isEqualTo(201);
    }

    @AfterContainer
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

    @Property(tries = 400)
    void everyAnswerIsASuccessOrAProblemAndOnlyASuccessStoresAnEvent(@ForAll("hostileWrites") HostileWrite write) {
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

    @Provide
    Arbitrary<HostileWrite> hostileWrites() {
        Arbitrary<String> method = Arbitraries.of("POST", "PUT", "PATCH", "DELETE");
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/api/v1/kpis", "/api/v1/kpis/" + KPI + "/actuals", "/api/v1/kpis/" + KPI
                        + "/actuals/2015", "/api/v1/kpis/" + KPI + "/target", "/api/v1/kpis/" + KPI + "/actuals/H27",
                        "/api/v1/catalogs", "/api/v1/strategies/shinagawa-2015/scoring-policies",
                        "/api/v1/kpis/" + KPI + "/placement", "/api/v1/kpis/" + KPI + "/department"),
                hostileSegment().map(segment -> "/api/v1/kpis/" + segment + "/actuals"),
                hostileSegment().map(segment -> "/api/v1/kpis/" + KPI + "/actuals/" + segment));
        Arbitrary<String> body = Arbitraries.oneOf(validBodies(), mutatedBodies(), junk());
        Arbitrary<List<String>> headers = Combinators.combine(
                Arbitraries.of(basic("admin", LedgerProcesses.ADMIN_PASSWORD), basic("sato", passwordOf("sato")),
                        basic("ito", passwordOf("ito")), basic("tanaka", passwordOf("tanaka")),
                        basic("mallory", "guessed-password"), "Authorization: Basic " + LedgerHttp.utf8Header("佐藤"),
                        "Authorization: Bearer e30.e30.", "X-Actor: admin", ""),
                Arbitraries.of("", "If-Match: *", "If-Match: \"0\"", "If-Match: \"1\"", "If-Match: W/\"1\"",
                        "If-Match: \"1", "If-Match: 1", "If-Match: \"99999999999999999999\"", "If-Match: \"-1\""),
                Arbitraries.of("", "Accept: application/json", "Accept: */*", "Accept: application/xml",
                        "Accept: text/html;q=0.9, */*;q=0.1", "Accept: ;;;", "Accept: application/json;q=0"),
                Arbitraries.of("", "Content-Type: text/plain", "Content-Type: application/json;charset=UTF-16",
                        "Content-Type: application/x-www-form-urlencoded", "X-Correlation-Id: ../../etc",
                        "X-Correlation-Id: ok-1"))
                .as((credentials, ifMatch, accept, other) -> {
                    List<String> lines = new ArrayList<>();
                    for (String line : List.of(credentials, ifMatch, accept, other)) {
                        if (!line.isEmpty()) {
                            lines.add(line);
                        }
                    }
                    return lines;
                });
        return Combinators.combine(method, path, body, headers).as(HostileWrite::new);
    }

    private static String basic(String username, String password) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<String> hostileSegment() {
        return Arbitraries.of("%2F", "%00", "..", "%2e%2e", "a%20b", "%E2%80%AE", "%C0%AF", "9-9-9-99", "x".repeat(70),
                "%F0%9F%98%80", "FY18", "R99", "平成", "-1", "1e3");
    }

    private static Arbitrary<String> validBodies() {
        return Arbitraries.of(
                registerStartups("generated"),
                recordActual(2016, 11), recordActual("H29", 12),
                LedgerHttp.json(Map.of("value", 8, "reason", "二重計上")),
                LedgerHttp.json(Map.of("fiscalYear", "R2", "value", 25, "comparator", "AT_LEAST", "reason", "延長",
                        "decisionReference", "議決")));
    }

    /** A valid body with one value replaced by something hostile. */
    private static Arbitrary<String> mutatedBodies() {
        Arbitrary<String> hostileValue = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(5)
                        .map(s -> LedgerHttp.json(Map.of("x", s)).replace("{\"x\":", "").replace("}", "")),
                Arbitraries.of("\"\\u0000\"", "\"\\ud800\"", "\"\\u202Eabc\"", "\"\\u200B\"", "\"  \"", "\"\"",
                        "true", "null", "[]", "{}", "\"12\"", "-0", "1e400", "-1e-400", "12345678901234567890.5",
                        "NaN", "0.0000001", "-5", "2.5", "250", "\"" + "長".repeat(3000) + "\""),
                Arbitraries.integers().between(-5, 3000).map(String::valueOf));
        Arbitrary<String> field = Arbitraries.of("\"name\"", "\"unit\"", "\"value\"", "\"fiscalYear\"", "\"note\"",
                "\"reason\"", "\"kpiId\"", "\"comparator\"", "\"qualifier\"", "\"decisionReference\"");
        return Combinators.combine(validBodies(), field, hostileValue).as((body, name, value) -> {
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
        });
    }

    private static Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("", "{", "[1,2]", "\"text\"", "{\"value\":1,\"value\":2}", "{}{}", "null",
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
