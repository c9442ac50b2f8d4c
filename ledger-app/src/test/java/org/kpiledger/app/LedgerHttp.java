package org.kpiledger.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running ledger, as any client would make them. */
final class LedgerHttp {

    static final String ACTOR = "X-Actor";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    LedgerHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String json, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)), headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)), headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, Optional<String> etag, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The RFC 9457 members a client branches on. */
        String problemCode() {
            return json().path("code").asString();
        }

        String problemField() {
            return json().path("field").asString();
        }
    }
}
