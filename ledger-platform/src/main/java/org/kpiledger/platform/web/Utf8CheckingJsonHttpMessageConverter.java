package org.kpiledger.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON is UTF-8 (RFC 8259). Jackson decodes overlong forms and encoded surrogates without complaint, so the body is
 * first decoded strictly, and a body declared in another charset is not read at all (415).
 */
class Utf8CheckingJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    Utf8CheckingJsonHttpMessageConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return (mediaType == null || mediaType.getCharset() == null
                || StandardCharsets.UTF_8.equals(mediaType.getCharset())) && super.canRead(type, mediaType);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage inputMessage, Map<String, Object> hints)
            throws IOException {
        return super.read(type, checked(inputMessage), hints);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        return super.readInternal(clazz, checked(inputMessage));
    }

    private static HttpInputMessage checked(HttpInputMessage inputMessage) throws IOException {
        byte[] body = inputMessage.getBody().readAllBytes();
        try {
            StrictUtf8.decode(body);
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("The request body is not valid UTF-8.",
                    new InvalidEncodingException(), inputMessage);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return inputMessage.getHeaders();
            }
        };
    }

    /** Marks a body refused for its encoding, so that the problem says so. */
    static final class InvalidEncodingException extends IOException {
        InvalidEncodingException() {
            super("The request body is not valid UTF-8.");
        }
    }
}
