package org.kpiledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
