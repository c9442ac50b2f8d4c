package org.kpiledger.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running ledger, as any client would make them. */
final class LedgerHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    /** A client that has not signed in. */
    LedgerHttp(int port) {
        this("http://localhost:" + port, null);
    }

    private LedgerHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same ledger, signed in with a local account's password (HTTP Basic) on every request. */
    LedgerHttp as(String username, String password) {
        return new LedgerHttp(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same ledger, with a bearer token on every request. */
    LedgerHttp withToken(String token) {
        return new LedgerHttp(baseUrl, "Bearer " + token);
    }

    /** Where this client sends its requests: {@code http://localhost:<port>}. */
    String baseUrl() {
        return baseUrl;
    }

    /** The same caller, speaking to another ledger. */
    LedgerHttp onPortOf(LedgerHttp other) {
        return new LedgerHttp(other.baseUrl, authorization);
    }

    /** The same caller, under a tenant's prefix: {@code /t/{tenantId}} before every path. */
    LedgerHttp underTenant(String tenantId) {
        return new LedgerHttp(baseUrl + "/t/" + tenantId, authorization);
    }

    LedgerHttp anonymous() {
        return new LedgerHttp(baseUrl, null);
    }

    /**
     * Creates a local account (this client must be an administrator) and answers a client signed in as it. The
     * password is derived from the username, long enough for the password rules.
     */
    LedgerHttp createUser(String username, String department, String... roles) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", passwordOf(username),
                "roles", List.of(roles)));
        if (department != null) {
            body.put("department", department);
        }
        Reply created = post("/api/v1/users", json(body));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.status() + " "
                    + created.body());
        }
        return as(username, passwordOf(username));
    }

    static String passwordOf(String username) {
        return "correct-horse-battery-" + Integer.toHexString(username.hashCode());
    }

    Reply get(String path, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)), headers).GET());
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

    /** Any method, with the body as raw bytes, sent with its length or, when {@code chunked}, without. */
    Reply send(String method, String path, byte[] body, boolean chunked, String... headers) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(withHeaders(HttpRequest.newBuilder(uri(path)), headers).method(method, publisher));
    }

    /**
     * A JSON request written byte for byte on a socket, for what HTTP clients refuse to send: each header line is
     * given as ISO-8859-1 characters, one per byte, so {@code "\u00E9"} is the single byte 0xE9.
     */
    Reply raw(String method, String path, String json, String... headerLines) {
        return rawFor("localhost", method, path, json, headerLines);
    }

    /** As {@link #raw}, with the {@code Host} header a client names, whatever it is. */
    Reply rawFor(String host, String method, String path, String json, String... headerLines) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        boolean typed = Arrays.stream(headerLines).anyMatch(line -> line.regionMatches(true, 0, "Content-Type:", 0, 13));
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Connection: close\r\n" + (typed ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.length + "\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(URI.create(baseUrl).getHost(), URI.create(baseUrl).getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A header value as the bytes of its UTF-8 encoding, the way curl and browsers send non-ASCII text, for
     * {@link #raw}.
     */
    static String utf8Header(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static Reply parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(response, split + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Reply(status, Optional.ofNullable(headers.get("etag")),
                headers.getOrDefault("content-type", ""), new String(body, StandardCharsets.UTF_8),
                headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                body);
    }

    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = new String(chunked, StandardCharsets.ISO_8859_1).indexOf("\r\n", at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer; {@code bytes} is the body as sent, for what is not text (a spreadsheet). */
    record Reply(int status, Optional<String> etag, String contentType, String body,
            Map<String, List<String>> headers, byte[] bytes) {

        /** Every value of a response header, whatever the case of its name. */
        List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

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
