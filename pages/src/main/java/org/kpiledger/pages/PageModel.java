package org.kpiledger.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.ProblemCode;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page of the dashboard shows around its content: who is signed in, where the other side's pages are
 * (both sides in one process: the same origin), the links that switch the language, and a readable page instead
 * of a problem document when a page's input is refused.
 */
@ControllerAdvice(annotations = LedgerPage.class)
class PageModel {

    private final PageLinks links;
    private final Clock clock;

    PageModel(PageLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAllAttributes(frame(request));
    }

    private Map<String, Object> frame(HttpServletRequest request) {
        return Map.of("viewer", Viewer.current(), "links", links, "japaneseUrl", withLanguage(request, "ja"),
                "englishUrl", withLanguage(request, "en"), "requestPath", request.getRequestURI(),
                "zone", clock.getZone());
    }

    /** The same page in another language, as a path: a link never takes its host from the request. */
    private static String withLanguage(HttpServletRequest request, String language) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", language).build().toUriString();
    }

    @ExceptionHandler(InvalidFieldException.class)
    ModelAndView invalidField(InvalidFieldException e, HttpServletRequest request) {
        return problemPage(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FIELD.name(), e.field(),
                e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problemPage(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FIELD.name(), e.getName(),
                "The value of " + e.getName() + " is not valid here.", request);
    }

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponse e, HttpServletRequest request) {
        Map<String, Object> properties = e.getBody().getProperties() == null ? Map.of() : e.getBody().getProperties();
        return problemPage(HttpStatus.valueOf(e.getStatusCode().value()), (String) properties.get(ProblemCode.CODE),
                (String) properties.get(ProblemCode.FIELD), e.getBody().getDetail(), request);
    }

    private ModelAndView problemPage(HttpStatus status, String code, String field, String detail,
            HttpServletRequest request) {
        ModelAndView page = new ModelAndView("problem", status);
        page.addAllObjects(frame(request));
        page.addObject("status", status.value());
        page.addObject("code", code);
        page.addObject("field", field);
        page.addObject("detail", detail);
        return page;
    }
}
