package org.kpiledger.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The dashboard's pages on both sides: Thymeleaf templates with one layout, Japanese first and English on
 * {@code ?lang=en} (kept in a cookie). Each feature keeps its pages' texts in {@code i18n/<feature>.properties}
 * (Japanese) and {@code i18n/<feature>_en.properties} beside its pages; the texts of every feature on the class path
 * are found and read as one.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration"})
@Import(PageModel.class)
public class PagesConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "kpi-ledger-lang";

    /** Named as Spring's own is, so that it replaces the single bundle Spring Boot would configure. */
    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] texts = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        String[] bundles = Arrays.stream(texts).map(Resource::getFilename).filter(Objects::nonNull)
                .filter(name -> !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties"))
                .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                .distinct().sorted().toArray(String[]::new);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocaleFunction(request -> Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Bean
    PageLinks pageLinks(@Value("${kpi-ledger.pages.query-side-url:}") String querySide,
            @Value("${kpi-ledger.pages.command-side-url:}") String commandSide) {
        return new PageLinks(querySide, commandSide);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language);
    }
}
