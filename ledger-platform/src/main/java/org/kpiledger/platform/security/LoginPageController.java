package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form for browsers: a local account's username and password, posted with the session's CSRF token to
 * Spring Security's {@code POST /login}. Kept plain (no script, no external resource) so that it works under the
 * Content-Security-Policy and on a closed network.
 */
@Hidden
@RestController
class LoginPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String loginPage(HttpServletRequest request, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = error != null ? "<p role=\"alert\">ユーザー名またはパスワードが違います。 "
                + "The username or password is not right.</p>"
                : logout != null ? "<p role=\"status\">ログアウトしました。 You are signed out.</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="ja">
                <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ログイン | kpi-ledger</title>
                <style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
                label{display:block;margin-top:1rem}input{width:100%%;padding:.5rem;font-size:1rem}
                button{margin-top:1.5rem;padding:.5rem 1.5rem;font-size:1rem}[role=alert]{color:#a00000}</style>
                </head>
                <body>
                <h1>ログイン <span lang="en">Sign in</span></h1>
                %s
                <form method="post" action="%s/login">
                <label for="username">ユーザー名 <span lang="en">Username</span></label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">パスワード <span lang="en">Password</span></label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">ログイン <span lang="en">Sign in</span></button>
                </form>
                </body>
                </html>
                """.formatted(notice, HtmlUtils.htmlEscape(request.getContextPath()),
                        HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
