package dev.earshot;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layers honest on the real tree (main classes only). Each rule is proved able to fail
 * by {@link ArchitectureRulesCatchTest}.
 */
@AnalyzeClasses(packages = "dev.earshot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules rules = new ArchitectureRules("dev.earshot");

    @ArchTest
    static final ArchRule coreUsesOnlyTheJdkBasics = rules.core();
    @ArchTest
    static final ArchRule portUsesOnlyCore = rules.port();
    @ArchTest
    static final ArchRule appUsesOnlyCorePortAndSlf4j = rules.app();
    @ArchTest
    static final ArchRule sourcesUseNoChatStoreOrApp = rules.sourcesUseNoChatStoreOrApp();
    @ArchTest
    static final ArchRule sourcesDoNotUseEachOther = rules.sourcesDoNotUseEachOther();
    @ArchTest
    static final ArchRule chatsUseNoSourceOrStore = rules.chatsUseNoSourceOrStore();
    @ArchTest
    static final ArchRule chatsDoNotUseEachOther = rules.chatsDoNotUseEachOther();
    @ArchTest
    static final ArchRule storeUsesOnlyPortAndCore = rules.store();
    @ArchTest
    static final ArchRule reportUsesOnlyPortAndCore = rules.report();
    @ArchTest
    static final ArchRule configUsesOnlyCore = rules.config();
    @ArchTest
    static final ArchRule scheduleUsesNothingOfOurs = rules.schedule();
    @ArchTest
    static final ArchRule opsUsesOnlyApp = rules.ops();
    @ArchTest
    static final ArchRule onlyMainUsesTheCommandLine = rules.onlyMainUsesTheCommandLine();
    @ArchTest
    static final ArchRule rootHoldsOnlyMainAndTheCompositionRoot = rules.rootHoldsOnlyMainAndTheCompositionRoot();
    @ArchTest
    static final ArchRule everyClassInAKnownPackage = rules.everyClassInAKnownPackage();
}
