package org.kpiledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.kpiledger.platform.web.LedgerText;
import org.springframework.web.bind.annotation.RequestBody;

@AnalyzeClasses(packages = "org.kpiledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideNeverDependsOnCommandSide = noClasses()
            .that().resideInAPackage("org.kpiledger.query..")
            .should().dependOnClassesThat().resideInAPackage("org.kpiledger.command..");

    @ArchTest
    static final ArchRule commandSideNeverDependsOnQuerySide = noClasses()
            .that().resideInAPackage("org.kpiledger.command..")
            .should().dependOnClassesThat().resideInAPackage("org.kpiledger.query..");

    @ArchTest
    static final ArchRule contractNeedsNeitherSpringNorPersistenceNorJson = noClasses()
            .that().resideInAPackage("org.kpiledger.events..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "org.hibernate..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.kpiledger.platform..", "org.kpiledger.command..",
                    "org.kpiledger.query..");

    /** The platform is infrastructure: it knows no side and no feature. */
    @ArchTest
    static final ArchRule platformKnowsNeitherSideNorFeature = noClasses()
            .that().resideInAPackage("org.kpiledger.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kpiledger.command..", "org.kpiledger.query..",
                    "org.kpiledger.scoring..", "org.kpiledger.pages..");

    /** Scoring is a pure feature: the contract's types in, a grade out; no web, no store, no other feature. */
    @ArchTest
    static final ArchRule scoringNeedsOnlyTheContract = noClasses()
            .that().resideInAPackage("org.kpiledger.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kpiledger.platform..",
                    "org.kpiledger.command..", "org.kpiledger.query..", "org.kpiledger.pages..",
                    "org.springframework.web..", "org.springframework.jdbc..", "org.axonframework..");

    /** The pages' frame serves both sides and knows neither. */
    @ArchTest
    static final ArchRule pagesKnowNeitherSide = noClasses()
            .that().resideInAPackage("org.kpiledger.pages..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kpiledger.command..", "org.kpiledger.query..",
                    "org.kpiledger.scoring..");

    /**
     * Issue 6: one rule for all text that enters the ledger, so no field can be forgotten: every text field of every
     * request body, nested records included, carries {@link LedgerText}.
     */
    @ArchTest
    static void everyTextFieldOfARequestBodyFollowsTheTextRules(JavaClasses classes) {
        Set<JavaClass> bodies = new LinkedHashSet<>();
        classes.stream().flatMap(type -> type.getMethods().stream())
                .flatMap(method -> method.getParameters().stream())
                .filter(parameter -> parameter.isAnnotatedWith(RequestBody.class))
                .forEach(parameter -> collectRequestTypes(parameter.getRawType(), bodies));
        List<String> textFields = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (JavaClass body : bodies) {
            for (JavaField field : body.getFields()) {
                if (field.getRawType().isEquivalentTo(String.class)) {
                    textFields.add(field.getFullName());
                    if (!field.isAnnotatedWith(LedgerText.class)) {
                        unchecked.add(field.getFullName());
                    }
                }
            }
        }
        assertThat(textFields).as("request bodies with text fields were found").isNotEmpty();
        assertThat(unchecked).as("text fields of request bodies without @LedgerText").isEmpty();
    }

    /**
     * Request records, and the records nested in them, in lists too ({@code List<FigureLine>}); the contract's value
     * types check themselves.
     */
    private static void collectRequestTypes(JavaClass type, Set<JavaClass> found) {
        if (type.getPackageName().startsWith("org.kpiledger") && !type.getPackageName().startsWith("org.kpiledger.events")
                && type.isRecord() && found.add(type)) {
            type.getFields().forEach(field -> {
                collectRequestTypes(field.getRawType(), found);
                if (field.getType() instanceof JavaParameterizedType parameterized) {
                    parameterized.getActualTypeArguments().forEach(argument ->
                            collectRequestTypes(argument.toErasure(), found));
                }
            });
        }
    }

    /**
     * A projection that wrote through JPA would fail only at the flush before commit, outside its handler and past
     * the dead-letter queue, and leave the whole batch to be retried forever.
     */
    @ArchTest
    static final ArchRule projectionsWriteThroughJdbcNotJpa = noClasses()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.springframework.data.jpa..", "org.springframework.data.repository..");
}
