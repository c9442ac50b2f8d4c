package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests a browser makes for the dashboard's pages, as opposed to the API's: a refusal is a readable page or the
 * login form, not a problem document; after signing in the user comes back to the page they asked for.
 */
final class PageRequests {

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/login",
            "/logout", "/error", "/css/", "/js/", "/webjars/");

    private PageRequests() {
    }

    /** A browser's request for a page: not a path of the API or of static files, and asking for HTML. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return NOT_PAGES.stream().noneMatch(path::startsWith) && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** Only a page read is remembered: an API call has no page to come back to, a form post is not repeated. */
    static RequestCache returnAfterSignIn() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && isPage(request));
        return cache;
    }

    /**
     * Where a browser goes after signing in: the page it asked for, as a path of this site, never a URL built from
     * the request's {@code Host} header; the overview when it asked for none.
     */
    static String pathToReturnTo(SavedRequest saved, String contextPath) {
        if (saved instanceof DefaultSavedRequest page && page.getRequestURI().startsWith("/")
                && !page.getRequestURI().startsWith("//")) {
            return page.getRequestURI() + (page.getQueryString() == null ? "" : "?" + page.getQueryString());
        }
        return contextPath + "/";
    }

    static void writeRefusal(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="ja">
                <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>403 | kpi-ledger</title><link rel="stylesheet" href="/css/ledger.css"></head>
                <body><main id="main">
                <h1>このページを表示する権限がありません <span lang="en">You may not see this page</span></h1>
                <p role="alert" lang="en">%s</p>
                <p><a href="/">概要へ戻る <span lang="en">Back to the overview</span></a> ·
                <a href="/login">別のユーザーでログイン <span lang="en">Sign in as another user</span></a></p>
                </main></body></html>
                """.formatted(HtmlUtils.htmlEscape(detail)));
    }
}
