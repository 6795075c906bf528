package dev.earshot.config;

import java.util.List;
import java.util.Map;

/** Test helpers: YAML written with | for indentation, and a fake environment. */
final class Yaml {
    static final Map<String, String> NO_ENV = Map.of();

    private Yaml() {
    }

    /** Lines joined; a leading {@code |} on each line keeps indentation readable in Java. */
    static String of(String... lines) {
        return String.join("\n", List.of(lines)) + "\n";
    }

    static EarshotConfig load(String yaml) throws ConfigException {
        return load(yaml, NO_ENV);
    }

    static EarshotConfig load(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigLoader.load(yaml, "test.yml", env::get);
    }

    /** The problems of a config that must fail. */
    static List<String> problems(String yaml) {
        return problems(yaml, NO_ENV);
    }

    static List<String> problems(String yaml, Map<String, String> env) {
        try {
            load(yaml, env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems, but the config loaded:\n" + yaml);
    }

    /** The smallest valid config, to which a test adds one broken part. */
    static final String TEAM = """
            team:
              members:
                - name: alice
            """;
    static final String DEMO = """
            sources:
              - type: demo
                name: demo
            """;
}
