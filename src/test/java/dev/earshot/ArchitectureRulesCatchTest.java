package dev.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.earshot.archfixtures.Earshot;
import dev.earshot.archfixtures.Wiring;
import dev.earshot.archfixtures.app.AppUsesCompositionRoot;
import dev.earshot.archfixtures.app.AppUsesJsoup;
import dev.earshot.archfixtures.app.outbox.OutboxUsesHttpClient;
import dev.earshot.archfixtures.chat.slack.SlackUsesShell;
import dev.earshot.archfixtures.chat.slack.SlackUsesSource;
import dev.earshot.archfixtures.chat.slack.SlackUsesStore;
import dev.earshot.archfixtures.config.ConfigUsesPort;
import dev.earshot.archfixtures.core.CoreUsesAwt;
import dev.earshot.archfixtures.core.CoreUsesHttpClient;
import dev.earshot.archfixtures.core.CoreUsesJdbc;
import dev.earshot.archfixtures.misc.Helpers;
import dev.earshot.archfixtures.ops.OpsUsesStore;
import dev.earshot.archfixtures.port.PortUsesApp;
import dev.earshot.archfixtures.port.PortUsesJackson;
import dev.earshot.archfixtures.report.ReportUsesApp;
import dev.earshot.archfixtures.schedule.ScheduleUsesApp;
import dev.earshot.archfixtures.source.bluesky.BlueskyUsesInbox;
import dev.earshot.archfixtures.source.bluesky.BlueskyUsesStore;
import dev.earshot.archfixtures.source.x.XUsesMastodon;
import dev.earshot.archfixtures.source.x.XUsesShellChat;
import dev.earshot.archfixtures.store.StoreUsesApp;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule, run on the fixture tree {@code dev.earshot.archfixtures}, reports
 * exactly the fixture classes made to break it: so every rule can fail, and the classes that keep
 * the rules (a source on the shared HTTP helper, a use case on SLF4J, Main building a sub-command)
 * are not reported.
 */
class ArchitectureRulesCatchTest {
    private static final JavaClasses fixtures = new ClassFileImporter().importPackages("dev.earshot.archfixtures");
    private static final ArchitectureRules rules = new ArchitectureRules("dev.earshot.archfixtures");

    @Test
    void coreMayNotUseJdbcTheHttpClientOrAwt() {
        assertCaught(rules.core(), CoreUsesJdbc.class, CoreUsesHttpClient.class, CoreUsesAwt.class);
    }

    @Test
    void aPortMayNotUseTheAppOrALibrary() {
        assertCaught(rules.port(), PortUsesApp.class, PortUsesJackson.class);
    }

    @Test
    void theAppAndItsSubPackagesMayNotUseTheRootALibraryOrTheNetwork() {
        assertCaught(rules.app(), AppUsesCompositionRoot.class, AppUsesJsoup.class, OutboxUsesHttpClient.class);
    }

    @Test
    void aSourceMayNotUseAChatTheStoreOrTheApp() {
        assertCaught(rules.sourcesUseNoChatStoreOrApp(), XUsesShellChat.class, BlueskyUsesStore.class,
                BlueskyUsesInbox.class);
    }

    @Test
    void aSourceMayNotUseAnotherButMayUseTheSharedHelpers() {
        assertCaught(rules.sourcesDoNotUseEachOther(), XUsesMastodon.class);
    }

    @Test
    void aChatMayNotUseASourceOrTheStore() {
        assertCaught(rules.chatsUseNoSourceOrStore(), SlackUsesSource.class, SlackUsesStore.class);
    }

    @Test
    void aChatMayNotUseAnother() {
        assertCaught(rules.chatsDoNotUseEachOther(), SlackUsesShell.class);
    }

    @Test
    void theStoreMayNotUseTheApp() {
        assertCaught(rules.store(), StoreUsesApp.class);
    }

    @Test
    void aReportMayNotUseTheApp() {
        assertCaught(rules.report(), ReportUsesApp.class);
    }

    @Test
    void configMayNotUseAPort() {
        assertCaught(rules.config(), ConfigUsesPort.class);
    }

    @Test
    void theSchedulerMayNotUseTheApp() {
        assertCaught(rules.schedule(), ScheduleUsesApp.class);
    }

    @Test
    void opsMayNotUseTheStore() {
        assertCaught(rules.ops(), OpsUsesStore.class);
    }

    @Test
    void onlyMainMayUseTheCommandLine() {
        assertCaught(rules.onlyMainUsesTheCommandLine(), Earshot.class);
    }

    @Test
    void theRootHoldsOnlyMainAndTheCompositionRoot() {
        assertCaught(rules.rootHoldsOnlyMainAndTheCompositionRoot(), Wiring.class);
    }

    @Test
    void everyClassIsInAPackageOfTheTable() {
        assertCaught(rules.everyClassInAKnownPackage(), Helpers.class);
    }

    private static void assertCaught(ArchRule rule, Class<?>... breakers) {
        EvaluationResult result = rule.evaluate(fixtures);
        Set<String> expected = Arrays.stream(breakers).map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, violators(result), () -> rule.getDescription() + "\n" + result.getFailureReport());
    }

    /** The top-level classes a result blames: the origin of each bad dependency, or the bad class itself. */
    private static Set<String> violators(EvaluationResult result) {
        Set<String> blamed = new TreeSet<>();
        result.handleViolations((Collection<Dependency> dependencies, String message) ->
                dependencies.forEach(d -> blamed.add(topLevel(d.getOriginClass()))));
        result.handleViolations((Collection<JavaClass> classes, String message) ->
                classes.forEach(c -> blamed.add(topLevel(c))));
        return blamed;
    }

    private static String topLevel(JavaClass c) {
        return c.getName().replaceFirst("\\$.*", "");
    }
}
