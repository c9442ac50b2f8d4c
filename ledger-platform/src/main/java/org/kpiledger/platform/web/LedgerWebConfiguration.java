package org.kpiledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.function.Function;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.strategy.PlanId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.core.convert.converter.Converter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the contract's value types look over HTTP on both sides: a fiscal year is written as its number
 * ({@code 2018}) and read in any form {@link FiscalYear#parse} knows; a KPI id, a plan id and a department as their codes.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({LedgerProblemDetailsHandler.class, StrictJsonConfiguration.class, ProblemErrorController.class})
public class LedgerWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteResponseNegotiation());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${kpi-ledger.max-body-size:1MB}") DataSize maxBodySize, JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(maxBodySize.toBytes(), new ProblemResponses(jsonMapper)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the body limit, before security: a form body that does not decode is refused before any lookup. */
    @Bean
    FilterRegistrationBean<FormBodyCheckFilter> formBodyCheckFilter(JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(new FormBodyCheckFilter(new ProblemResponses(jsonMapper)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Tomcat's own error page, for requests it refuses before Spring sees them, becomes a problem document. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemDetailsErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    JacksonModule ledgerValueTypesModule() {
        SimpleModule module = new SimpleModule("kpi-ledger-value-types")
                .addSerializer(FiscalYear.class, new FiscalYearSerializer())
                .addDeserializer(FiscalYear.class, new FiscalYearDeserializer());
        addCode(module, KpiId.class, KpiId::new, KpiId::value, "a KPI id");
        addCode(module, PlanId.class, PlanId::new, PlanId::value, "a plan id");
        addCode(module, Department.class, Department::new, Department::code, "a department code");
        return module;
    }

    /**
     * A value type written as its code: read only from a JSON string, whose refusal by the type's constructor becomes
     * a problem naming the field.
     */
    private static <T> void addCode(SimpleModule module, Class<T> type, Function<String, T> parse,
                                    Function<T, String> code, String description) {
        module.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(code.apply(value));
            }
        });
        module.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    throw MismatchedInputException.from(parser, type, "must be " + description + " in a JSON string");
                }
                try {
                    return parse.apply(parser.getString());
                } catch (IllegalArgumentException e) {
                    throw MismatchedInputException.from(parser, type, e.getMessage());
                }
            }
        });
    }

    /**
     * The API's description, with both ways to sign in, so that Swagger UI's "Authorize" offers them: HTTP Basic
     * for local accounts, and a bearer token of the identity provider (accepted where one is configured).
     */
    @Bean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:kpi-ledger}") String applicationName) {
        return new OpenAPI().info(new Info()
                        .title(applicationName)
                        .version("v1")
                        .description("Event-sourced progress ledger for public-sector strategy KPIs. Errors are "
                                + "RFC 9457 problem details with a stable 'code' and, where one field is at fault, "
                                + "'field'. Reading current progress needs no sign-in unless the operator requires "
                                + "it; every write does."))
                .components(new Components()
                        .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A local account: username and password."))
                        .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token of the city's identity provider.")))
                // relative: the document never names a host taken from the request that fetched it
                .servers(List.of(new Server().url("/").description("this ledger")))
                .security(List.of(new SecurityRequirement().addList("basicAuth"),
                        new SecurityRequirement().addList("bearerAuth")));
    }

    @Bean
    Converter<String, FiscalYear> fiscalYearConverter() {
        return FiscalYear::parse;
    }

    @Bean
    Converter<String, KpiId> kpiIdConverter() {
        return KpiId::new;
    }

    @Bean
    Converter<String, PlanId> planIdConverter() {
        return PlanId::new;
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
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(parser, FiscalYear.class,
                        "must be a fiscal year such as 2018 or \"H30\"");
            }
            String text = token == JsonToken.VALUE_NUMBER_INT ? parser.getNumberValue().toString() : parser.getString();
            try {
                return FiscalYear.parse(text);
            } catch (IllegalArgumentException e) {
                throw MismatchedInputException.from(parser, FiscalYear.class, e.getMessage());
            }
        }
    }
}
