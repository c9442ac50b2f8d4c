package org.kpiledger.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: overlong forms, encoded surrogates and stray bytes are an error, never replaced or read
 * leniently. For everything the ledger reads as UTF-8: JSON bodies, catalogs, header values.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /**
     * A CSV file as spreadsheets save it ("CSV UTF-8"): strictly UTF-8, with or without the byte order mark Excel
     * writes, which is dropped. Anything else is the body at fault, answered with {@code notUtf8}.
     */
    public static String csv(byte[] bytes, String notUtf8) {
        try {
            String text = decode(bytes);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("body", notUtf8);
        }
    }
}
