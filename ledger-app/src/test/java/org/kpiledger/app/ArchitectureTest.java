package org.kpiledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.kpiledger.platform.web.LedgerText;

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

    @ArchTest
    static final ArchRule platformKnowsNeitherSide = noClasses()
            .that().resideInAPackage("org.kpiledger.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kpiledger.command..", "org.kpiledger.query..");

    /** Issue 6: one rule for all text that enters the ledger, so no field can be forgotten. */
    @ArchTest
    static final ArchRule everyTextFieldOfARequestFollowsTheTextRules = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("org.kpiledger..web..")
            .and().areDeclaredInClassesThat().areRecords()
            .and().haveRawType(String.class)
            .should().beAnnotatedWith(LedgerText.class)
            .allowEmptyShould(false);

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
