package org.kpiledger.platform.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON requests are read strictly, so that what the client meant is what gets stored: a key given twice, a field
 * the request does not have, a number sent as a string or text sent as a number, trailing content and invalid
 * UTF-8 are refused with the field named instead of being guessed at. Every string is canonicalized to NFC.
 * (Axon's event serializer has a mapper of its own and is not affected.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> {
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .addModule(new SimpleModule("kpi-ledger-canonical-text")
                            .addDeserializer(String.class, new CanonicalTextDeserializer()));
            for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                    LogicalType.Textual, LogicalType.Enum)) {
                builder.withCoercionConfig(type, config -> {
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        // a whole number is a decimal as it stands, not a coercion to refuse
                        boolean wholeNumberAsDecimal = type == LogicalType.Float && shape == CoercionInputShape.Integer;
                        config.setCoercion(shape, wholeNumberAsDecimal ? CoercionAction.TryConvert : CoercionAction.Fail);
                    }
                });
            }
        };
    }

    /**
     * Replaces the JSON converter by one that checks the body's encoding before Jackson reads it, and puts the
     * converter of raw bytes first: bytes a handler answers (the API document, a download) are written as they are,
     * never as a base64 JSON string, whichever configurer ran first.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter json
                && !(converter instanceof Utf8CheckingJsonHttpMessageConverter)
                ? new Utf8CheckingJsonHttpMessageConverter(json.getMapper())
                : converter);
        converters.removeIf(ByteArrayHttpMessageConverter.class::isInstance);
        converters.add(0, new ByteArrayHttpMessageConverter());
    }

    /** Reads text only from JSON strings, never from numbers or booleans, and canonicalizes it to NFC. */
    private static final class CanonicalTextDeserializer extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return TextRules.canonical(parser.getString());
        }
    }
}
