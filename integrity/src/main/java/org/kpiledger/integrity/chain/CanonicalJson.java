package org.kpiledger.integrity.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text of a ledger entry, the bytes its hash is taken over: RFC 8785 (JSON Canonicalization
 * Scheme) for the values an entry holds (objects, arrays, strings, integers, booleans, null; decimals are strings).
 * Keys are sorted, no whitespace; strings escape only the quote, the backslash and control characters (the short
 * escapes b, f, n, r, t where JSON has them, else a backslash, u and four lower-case hex digits), everything else is
 * written as UTF-8. For these values it is what Python's
 * {@code json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} writes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        StringBuilder text = new StringBuilder(256);
        write(value, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder text) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            string(string, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                string((String) entry.getKey(), text);
                text.append(':');
                write(entry.getValue(), text);
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                write(list.get(i), text);
            }
            text.append(']');
        } else {
            throw new IllegalArgumentException("Not a value of a ledger entry: " + value.getClass().getName());
        }
    }

    private static void string(String string, StringBuilder text) {
        text.append('"');
        if (needsNoEscape(string)) { // most values (ids, base64 of payloads): appended whole, not char by char
            text.append(string).append('"');
            return;
        }
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    private static boolean needsNoEscape(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
