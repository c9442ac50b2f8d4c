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
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c <= Character.MAX_VALUE && Character.isSurrogate((char) c)) {
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
            if (c == '\u2028' || c == '\u2029') {
                return "must not contain the line or paragraph separator U+" + hex(c) + "; use a line break";
            }
            if (isNoncharacter(c)) {
                return "must not contain the noncharacter U+" + hex(c);
            }
            if (!Character.isWhitespace(c) && !isInvisible(c)) {
                visible = true;
            }
        }
        return visible ? null : "must not be blank";
    }

    private static boolean isLineBreakOrTab(int c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane, which Unicode keeps out of interchange. */
    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /**
     * Characters that show nothing: format characters (zero-width spaces and joiners, the soft hyphen, tag
     * characters, the byte order mark), variation selectors, the blank spaces Unicode does not class as white space,
     * and the fillers of Hangul and braille that render as empty cells.
     */
    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SPACE_SEPARATOR
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0xE0000 && c <= 0xE007F)
                || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
                || c == 0x180E || (c >= 0x1D173 && c <= 0x1D17A);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
