package org.kpiledger.platform.web;

import java.text.Normalizer;

/**
 * What free text the ledger accepts, in one place. Text is canonicalized to Unicode NFC when it is read; then it
 * must hold no control characters (tab and line breaks only in multi-line fields), no lone surrogates, no
 * bidirectional overrides, and something visible once white space and invisible characters are taken away.
 * PostgreSQL cannot store NUL, and the rest would let two figures look alike while differing, or a name read
 * backwards on the dashboard.
 */
public final class TextRules {

    private TextRules() {
    }

    public static String canonical(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why {@code text} is not acceptable, or {@code null} when it is (also when it is absent). */
    public static String violation(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                visible = true;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate (U+" + hex(c) + ")";
            }
            if (isLineBreakOrTab(c)) {
                if (!multiLine) {
                    return "must be a single line without tabs (U+" + hex(c) + ")";
                }
                continue;
            }
            if (Character.isISOControl(c)) {
                return "must not contain the control character U+" + hex(c);
            }
            if (isBidiControl(c)) {
                return "must not contain the bidirectional control U+" + hex(c);
            }
            if (!Character.isWhitespace(c) && !isInvisible(c)) {
                visible = true;
            }
        }
        return visible ? null : "must not be blank";
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF' || c == '\u00A0'
                || c == '\u3000';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
