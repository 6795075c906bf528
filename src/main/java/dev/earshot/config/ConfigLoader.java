package dev.earshot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a config file: YAML, then interpolation, then binding, then the rules; every problem on
 * the way is collected and thrown together in one {@link ConfigException}.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** Reads {@code file}; {@code env} answers environment variables (null when unset). */
    public static EarshotConfig load(Path file, Function<String, String> env) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(),
                    List.of(file + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        return load(text, file.toString(), env);
    }

    /** Reads YAML text; {@code sourceName} names it in problems (usually the file name). */
    public static EarshotConfig load(String yamlText, String sourceName, Function<String, String> env)
            throws ConfigException {
        Problems problems = new Problems();
        Optional<ObjectNode> root = parse(yamlText, sourceName, problems);
        EarshotConfig config = root.flatMap(tree -> bind(tree, env, problems)).orElse(null);
        if (!problems.isEmpty() || config == null) {
            throw new ConfigException(sourceName, problems.lines());
        }
        return config;
    }

    private static Optional<ObjectNode> parse(String text, String sourceName, Problems problems) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(sourceName, yamlProblem(e));
            return Optional.empty();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Optional.of(YAML.createObjectNode());
        }
        if (tree instanceof ObjectNode object) {
            return Optional.of(object);
        }
        problems.add(sourceName, "must be a section of keys and values (team:, chat:, sources:, ...)");
        return Optional.empty();
    }

    /**
     * Line, column and SnakeYAML's short reason only: the full message quotes the offending
     * line, which may hold a token written in clear.
     */
    static String yamlProblem(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String reason = "not valid YAML";
        if (e.getCause() instanceof MarkedYAMLException marked) {
            if (marked.getProblem() != null) {
                reason = "not valid YAML: " + marked.getProblem();
            }
            if (marked.getProblemMark() != null) {
                return "line " + (marked.getProblemMark().getLine() + 1) + ", column "
                        + (marked.getProblemMark().getColumn() + 1) + ": " + reason;
            }
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            reason = "a key is written twice: " + e.getOriginalMessage().substring("Duplicate field ".length());
        }
        return where == null || where.getLineNr() < 0 ? reason
                : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + reason;
    }

    private static Optional<EarshotConfig> bind(ObjectNode tree, Function<String, String> env,
            Problems problems) {
        new Interpolator(env).interpolate(tree, "", problems);
        // Sources are bound one by one so that a broken one does not hide the others.
        JsonNode sourcesNode = tree.remove("sources");
        Binder binder = new Binder();
        Optional<EarshotConfig> bound = binder.bind(tree, EarshotConfig.class, "", problems);
        // Rules run in the file's order of sections, so problems read top to bottom.
        Validator validator = new Validator(problems);
        bound.ifPresent(base -> {
            validator.team(base.team());
            validator.store(base.store());
            validator.chat(base.chat());
        });
        List<SourceConfig> sources = sources(sourcesNode, binder, problems);
        bound.ifPresent(base -> {
            validator.ops(base.ops());
            validator.priority(base.priority());
            validator.followThrough(base);
            validator.routes(base.routes(), sources);
            validator.templates(base.templates());
            validator.digest(base.digest());
            validator.instance(base.instance());
            new CareValidator(problems).check(base.afterHours(), base.spikes());
        });
        return bound.map(base -> new EarshotConfig(base.team(), base.store(), base.chat(), sources,
                base.ops(), base.priority(), base.businessHours(), base.sla(), base.nudges(), base.oncall(),
                base.continuity(), base.routes(), base.templates(), base.digest(), base.instance(),
                base.afterHours(), base.spikes()));
    }

    private static List<SourceConfig> sources(JsonNode node, Binder binder, Problems problems) {
        List<SourceConfig> sources = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add("sources", "name at least one source (" + String.join(", ", SourceConfig.TYPES) + ")");
            return sources;
        }
        if (!(node instanceof ArrayNode array)) {
            problems.add("sources", "must be a list");
            return sources;
        }
        if (array.isEmpty()) {
            problems.add("sources", "name at least one source (" + String.join(", ", SourceConfig.TYPES) + ")");
        }
        SourceValidator validator = new SourceValidator(problems);
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = Problems.at("sources", i);
            if (!knownType(array.get(i), path, problems)) {
                continue;
            }
            Optional<SourceConfig> source = binder.bind(array.get(i), SourceConfig.class, path, problems);
            source.ifPresent(s -> validator.source(s, path, names));
            source.ifPresent(sources::add);
        }
        return sources;
    }

    /** Checked before Jackson so that the problem names the {@code type} key itself. */
    private static boolean knownType(JsonNode source, String path, Problems problems) {
        if (!source.isObject()) {
            problems.add(path, "must be a section with type: and name:");
            return false;
        }
        JsonNode type = source.get("type");
        String known = "; known types: " + String.join(", ", SourceConfig.TYPES);
        if (type == null || type.isNull()) {
            problems.add(Problems.at(path, "type"), "must be set" + known);
            return false;
        }
        if (!type.isTextual() || !SourceConfig.TYPES.contains(type.textValue())) {
            problems.add(Problems.at(path, "type"), "unknown source type" + known);
            return false;
        }
        return true;
    }
}
