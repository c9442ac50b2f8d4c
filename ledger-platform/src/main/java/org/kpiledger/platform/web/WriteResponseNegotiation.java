package org.kpiledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides, before a write is carried out, whether its JSON answer is one the client accepts. Without this, Spring
 * negotiates the answer's format only after the handler returns: the command is committed and the client gets 406,
 * and its retry is then refused as a duplicate. Now such a write is refused with 406 and nothing is stored. The
 * answer is JSON, or what the handler declares it produces (the entry form answers HTML).
 */
class WriteResponseNegotiation implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod) || !WRITES.contains(request.getMethod())) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be read.");
        }
        List<MediaType> answers = answers((HandlerMethod) handler);
        boolean answerable = acceptable.stream().anyMatch(type -> type.getQualityValue() > 0
                && answers.stream().anyMatch(type::isCompatibleWith));
        if (!answerable) {
            throw new HttpMediaTypeNotAcceptableException(answers);
        }
        return true;
    }

    /** What the handler answers: the types it declares it produces (a page: HTML), JSON otherwise. */
    private static List<MediaType> answers(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.produces().length == 0 ? List.of(MediaType.APPLICATION_JSON)
                : MediaType.parseMediaTypes(List.of(mapping.produces()));
    }
}
