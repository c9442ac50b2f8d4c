package org.kpiledger.command.kpi.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kpiledger.platform.web.InvalidFieldException;

/**
 * The KPI version as an HTTP entity tag: version 3 is {@code "3"}. {@code If-Match} is compared strongly (RFC 9110
 * §13.1.1): a weak tag such as {@code W/"3"} never matches, so the write is refused with 412; a header that is not
 * one entity tag (or {@code *}) is refused with 400.
 */
final class EntityTags {

    static final String IF_MATCH = "If-Match";
    /** What a weak tag asks for: a version no KPI has, so the write is refused as stale. */
    static final long NO_VERSION = -1;
    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");
    private static final Pattern WEAK_TAG = Pattern.compile("W/\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"");

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

    /**
     * The version an {@code If-Match} header demands, or {@code null} when there is none or it is {@code *}; a weak
     * tag demands {@link #NO_VERSION}, which no KPI ever has.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        Matcher strong = STRONG_TAG.matcher(tag);
        if (strong.matches()) {
            return Long.parseLong(strong.group(1));
        }
        if (WEAK_TAG.matcher(tag).matches()) {
            return NO_VERSION;
        }
        throw new InvalidFieldException(IF_MATCH,
                "If-Match must be one entity tag as sent in ETag, such as \"3\", or *.");
    }
}
