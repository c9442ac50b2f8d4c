package org.kpiledger.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Answers the errors Tomcat raises before a request reaches Spring (an encoded slash or NUL in the path, a
 * request line or headers too long) with a problem document instead of Tomcat's HTML page, so that every answer
 * of the ledger keeps the problem-details contract and names no server software.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = ProblemCode.forStatus(HttpStatus.valueOf(status));
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 500
                ? "The ledger could not handle this request; nothing was recorded."
                : "The request was refused before it reached the ledger: its URL or headers are not acceptable.";
        String body = "{\"type\":\"urn:kpi-ledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\"}";
        try {
            SecurityHeaders.FOR_EVERY_ANSWER.forEach(response::setHeader);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to tell it
        }
    }
}
