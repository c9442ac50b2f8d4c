package org.kpiledger.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.web.ProblemResponses;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a write sent with an {@code Idempotency-Key} safe to repeat: the same user repeating the same request with
 * the same key gets the first answer again (status, body, {@code Location}, {@code ETag}, and
 * {@code Idempotent-Replayed: true}) and nothing runs twice; the same key with another request is refused with 422
 * {@code IDEMPOTENCY_KEY_REUSED}; the same key while its first request still runs with 409
 * {@code IDEMPOTENCY_KEY_IN_USE}. Runs after authentication and the access table, so a refused request claims no
 * key. An answer of 5xx, or a 409 of a concurrent change, lets the key go, so that a retry runs again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("\"?([\\x21\\x23-\\x7E]{1,255})\"?");

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LedgerPrincipal> principal = LedgerPrincipal.current();
        var matcher = KEY.matcher(request.getHeader(HEADER));
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!matcher.matches()) {
            problems.write(response, ProblemType.INVALID_HEADER.problem("An Idempotency-Key is 1 to 255 printable "
                    + "ASCII characters (a UUID will do), optionally in double quotes.", HEADER));
            return;
        }
        String key = matcher.group(1);
        String user = principal.get().name();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        Optional<IdempotencyKeys.Claimed> claimed = keys.claim(user, key, fingerprint);
        if (claimed.isPresent()) {
            answerFromKey(claimed.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new BufferedBody(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 500 && !concurrentChange(status, recorded)) {
                keys.complete(user, key, new IdempotencyKeys.Answer(status, recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
                        recorded.getContentAsByteArray()));
                completed = true;
            }
        } finally {
            if (!completed) {
                keys.release(user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFromKey(IdempotencyKeys.Claimed claimed, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!claimed.fingerprint().equals(fingerprint)) {
            problems.write(response, ProblemType.IDEMPOTENCY_KEY_REUSED.problem("This Idempotency-Key was used "
                    + "with another request; a new request takes a new key.", HEADER));
            return;
        }
        IdempotencyKeys.Answer answer = claimed.answer();
        if (answer == null) {
            problems.write(response, ProblemType.IDEMPOTENCY_KEY_IN_USE.problem("The first request with this "
                    + "Idempotency-Key is still running; ask again when it has answered.", HEADER));
            return;
        }
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.entityTag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.entityTag());
        }
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(answer.body());
    }

    /** A refusal because another write got there at the same moment: worth retrying, so not kept. */
    private static boolean concurrentChange(int status, ContentCachingResponseWrapper response) {
        return status == 409 && new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)
                .contains("\"" + ProblemType.CONCURRENT_MODIFICATION.name() + "\"");
    }

    /** What makes two requests the same: method, path, query and body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                    + request.getContentType() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once, for the fingerprint, and given again to whatever reads it next. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
