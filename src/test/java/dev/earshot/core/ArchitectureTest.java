package dev.earshot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers honest: core is pure Java; ports and app never see an SDK or JDBC. */
@AnalyzeClasses(packages = "dev.earshot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsOnlyTheJdk = noClasses().that().resideInAPackage("dev.earshot.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.earshot.core..", "java..");

    @ArchTest
    static final ArchRule portsAndAppStayFreeOfAdapters = noClasses()
            .that().resideInAnyPackage("dev.earshot.app..", "dev.earshot.port..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "com.slack..", "net.dv8tion..", "twitter4j..", "org.quartz..",
                    "com.fasterxml..", "org.knowm..", "java.awt..", "javax.imageio..", "dev.earshot.report..", "org.sqlite..", "dev.earshot.store..", "dev.earshot.chat..",
                    "dev.earshot.source..", "dev.earshot.config..", "dev.earshot.schedule..", "dev.earshot.ops..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses().that().resideInAPackage("dev.earshot.chat..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.earshot.source..", "dev.earshot.store..");
}
