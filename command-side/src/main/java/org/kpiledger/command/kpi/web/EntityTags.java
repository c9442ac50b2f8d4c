package org.kpiledger.command.kpi.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kpiledger.platform.web.InvalidFieldException;

/** The KPI version as an HTTP entity tag: version 3 is {@code "3"}. */
final class EntityTags {

    static final String IF_MATCH = "If-Match";
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a change to an existing figure demands. Without it a writer could replace a value someone else
     * just set without ever having seen it, so the header must be there; {@code *} says so knowingly.
     */
    static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return expectedVersion(ifMatch);
    }

    /** The version an {@code If-Match} header demands, or {@code null} when there is none or it is {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidFieldException(IF_MATCH,
                    "If-Match must be one entity tag as sent in ETag, such as \"3\": " + ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }
}
