package org.kpiledger.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the contract's value types look over HTTP on both sides: a fiscal year is written as its number
 * ({@code 2018}) and read in any form {@link FiscalYear#parse} knows; a KPI id as its code.
 */
@AutoConfiguration
@Import(LedgerProblemDetailsHandler.class)
public class LedgerWebConfiguration {

    @Bean
    JacksonModule ledgerValueTypesModule() {
        return new SimpleModule("kpi-ledger-value-types")
                .addSerializer(FiscalYear.class, new FiscalYearSerializer())
                .addDeserializer(FiscalYear.class, new FiscalYearDeserializer())
                .addSerializer(KpiId.class, new KpiIdSerializer())
                .addDeserializer(KpiId.class, new KpiIdDeserializer());
    }

    @Bean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:kpi-ledger}") String applicationName) {
        return new OpenAPI().info(new Info()
                .title(applicationName)
                .version("v1")
                .description("Event-sourced progress ledger for public-sector strategy KPIs. Errors are RFC 9457 "
                        + "problem details with a stable 'code' and, where one field is at fault, 'field'."));
    }

    @Bean
    Converter<String, FiscalYear> fiscalYearConverter() {
        return FiscalYear::parse;
    }

    @Bean
    Converter<String, KpiId> kpiIdConverter() {
        return KpiId::new;
    }

    private static final class FiscalYearSerializer extends ValueSerializer<FiscalYear> {
        @Override
        public void serialize(FiscalYear value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(value.year());
        }
    }

    private static final class FiscalYearDeserializer extends ValueDeserializer<FiscalYear> {
        @Override
        public FiscalYear deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    ? String.valueOf(parser.getIntValue())
                    : parser.getValueAsString();
            try {
                return FiscalYear.parse(text);
            } catch (IllegalArgumentException e) {
                return (FiscalYear) context.handleWeirdStringValue(FiscalYear.class, text, e.getMessage());
            }
        }
    }

    private static final class KpiIdSerializer extends ValueSerializer<KpiId> {
        @Override
        public void serialize(KpiId value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.value());
        }
    }

    private static final class KpiIdDeserializer extends ValueDeserializer<KpiId> {
        @Override
        public KpiId deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            try {
                return new KpiId(text);
            } catch (IllegalArgumentException | NullPointerException e) {
                return (KpiId) context.handleWeirdStringValue(KpiId.class, text, e.getMessage());
            }
        }
    }
}
