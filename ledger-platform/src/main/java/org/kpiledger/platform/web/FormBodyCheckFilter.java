package org.kpiledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decodes a form body ({@code application/x-www-form-urlencoded}) once, before anything asks for a parameter: a body
 * that is not well-formed (a {@code %} not followed by two hexadecimal digits) is answered 400
 * {@code MALFORMED_REQUEST} here. Otherwise Tomcat would throw at the first parameter lookup wherever it happens
 * (content negotiation's {@code ?format=}, a CSRF token, an access rule's parameter), and answer 500.
 */
class FormBodyCheckFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    FormBodyCheckFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(parsed(contentType));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException malformed) {
            problems.write(response, ProblemType.MALFORMED_REQUEST.problem("The form body is not well-formed: "
                    + "every '%' is followed by two hexadecimal digits of a UTF-8 character.", "body"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static MediaType parsed(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
