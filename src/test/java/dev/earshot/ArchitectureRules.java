package dev.earshot;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which package may use which, written once for a root package: {@link ArchitectureTest} checks
 * {@code dev.earshot} with them, and {@link ArchitectureRulesCatchTest} checks the fixtures under
 * {@code dev.earshot.archfixtures} (a small tree of the same shape whose classes each break one
 * rule), so that a rule that could never fail would show. The table in docs/ARCHITECTURE.md says
 * the same in words.
 *
 * <p>The inner layers (core, port, app) are allow-lists down to the JDK packages they may name.
 * Adapters may use any library; what they may not use is the wrong part of Earshot.
 */
final class ArchitectureRules {
    /** What core may use of the JDK: values, collections, time and text; no I/O, SQL, network or UI. */
    static final List<String> JDK_BASICS = List.of("java.lang..", "java.util..", "java.time..", "java.text..",
            "java.math..");
    /** What may sit in the root package: the entry point, the composition root and the settings it shares with the CLI. */
    static final List<String> ROOT_CLASSES = List.of("Main", "Earshot", "TeamSettings");
    /** The top-level packages; a new one is added here and in docs/ARCHITECTURE.md. */
    static final List<String> PACKAGES = List.of("core", "port", "app", "store", "source", "chat", "report",
            "config", "schedule", "ops", "cli");

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule core() {
        return classes().that().resideInAPackage(pkg("core")).should().onlyDependOnClassesThat()
                .resideInAnyPackage(with(JDK_BASICS, pkg("core")))
                .because("core is pure rules on values and time; an SDK, JDBC, I/O or the network belong to adapters");
    }

    ArchRule port() {
        return classes().that().resideInAPackage(pkg("port")).should().onlyDependOnClassesThat()
                .resideInAnyPackage(with(JDK_BASICS, pkg("port"), pkg("core")))
                .because("a port speaks in core's terms, so that any adapter can implement it");
    }

    ArchRule app() {
        return classes().that().resideInAPackage(pkg("app")).should().onlyDependOnClassesThat()
                .resideInAnyPackage(with(JDK_BASICS, pkg("app"), pkg("core"), pkg("port"), "org.slf4j.."))
                .because("the use cases reach the world only through the ports");
    }

    ArchRule sourcesUseNoChatStoreOrApp() {
        return onlyOurs("source", "core", "port", "config")
                .because("a source maps one platform's shapes to core messages; the app calls it through the port");
    }

    ArchRule sourcesDoNotUseEachOther() {
        return slices().matching(root + ".source.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(pkg("source.http"), pkg("source.text")))
                .because("each platform stands alone; source.http and source.text are the shared helpers");
    }

    ArchRule chatsUseNoSourceOrStore() {
        return onlyOurs("chat", "core", "port", "app", "config")
                .because("a chat turns clicks into commands and draws cards; it reaches customers only through the app");
    }

    ArchRule chatsDoNotUseEachOther() {
        return slices().matching(root + ".chat.(*)..").should().notDependOnEachOther()
                .because("each chat stands alone behind the chat port");
    }

    ArchRule store() {
        return onlyOurs("store", "core", "port", "config")
                .because("the store implements the port from its own slice of config, and knows nothing else");
    }

    ArchRule report() {
        return onlyOurs("report", "core", "port").because("a report turns core values into bytes");
    }

    ArchRule config() {
        return onlyOurs("config", "core").because("config is read before anything runs and hands out plain records");
    }

    ArchRule schedule() {
        return onlyOurs("schedule").because("the scheduler runs the jobs it is given and knows none of them");
    }

    ArchRule ops() {
        return onlyOurs("ops", "app", "port", "core").because("/healthz and /metrics show what the app reports");
    }

    ArchRule onlyMainUsesTheCommandLine() {
        return noClasses().that().resideOutsideOfPackage(pkg("cli")).and().doNotHaveFullyQualifiedName(root + ".Main")
                .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .because("the sub-commands are the outermost layer: Main builds them, nothing calls them");
    }

    ArchRule rootHoldsOnlyMainAndTheCompositionRoot() {
        String names = Stream.concat(ROOT_CLASSES.stream(), Stream.of("package-info"))
                .collect(Collectors.joining("|"));
        return classes().that().resideInAPackage(root).should()
                .haveNameMatching(Pattern.quote(root) + "\\.(" + names + ")(\\$.*)?")
                .because("everything else has a package that says what it is");
    }

    ArchRule everyClassInAKnownPackage() {
        return classes().that().resideInAPackage(root + "..").should().resideInAnyPackage(
                        with(PACKAGES.stream().map(this::pkg).toList(), root))
                .because("the package table in docs/ARCHITECTURE.md names every package and what it may use");
    }

    /** Classes of {@code layer} use no package of ours but their own and {@code allowed}; libraries are free. */
    private ArchRule onlyOurs(String layer, String... allowed) {
        String[] own = Stream.concat(Stream.of(layer), Arrays.stream(allowed)).map(this::pkg).toArray(String[]::new);
        DescribedPredicate<JavaClass> others = resideInAPackage(root + "..").and(not(resideInAnyPackage(own)))
                .as("Earshot classes outside %s", String.join(", ", own));
        return noClasses().that().resideInAPackage(pkg(layer)).should().dependOnClassesThat(others);
    }

    private String pkg(String name) {
        return root + "." + name + "..";
    }

    private static String[] with(List<String> base, String... more) {
        return Stream.concat(base.stream(), Arrays.stream(more)).toArray(String[]::new);
    }
}
