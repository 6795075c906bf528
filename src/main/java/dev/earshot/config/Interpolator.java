package dev.earshot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces {@code ${NAME}} with an environment variable and {@code ${file:/run/secrets/x}} with
 * a file's trimmed content, in every string value of the YAML tree, before binding. {@code $${}
 * stands for a literal {@code ${}. Works on the tree rather than the text so that a value can
 * never inject YAML structure, and so that each problem knows its path.
 */
final class Interpolator {
    private static final String FILE = "file:";

    private final Function<String, String> env;

    Interpolator(Function<String, String> env) {
        this.env = env;
    }

    void interpolate(JsonNode node, String path, Problems problems) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                String at = Problems.at(path, field.getKey());
                if (field.getValue().isTextual()) {
                    object.set(field.getKey(), resolve(field.getValue().textValue(), at, problems));
                } else {
                    interpolate(field.getValue(), at, problems);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = Problems.at(path, i);
                if (array.get(i).isTextual()) {
                    array.set(i, resolve(array.get(i).textValue(), at, problems));
                } else {
                    interpolate(array.get(i), at, problems);
                }
            }
        }
    }

    private TextNode resolve(String text, String path, Problems problems) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    problems.add(path, "${ is not closed with }; write $${ for a literal ${");
                    return TextNode.valueOf("");
                }
                String value = lookup(text.substring(i + 2, end).strip(), path, problems);
                if (value == null) {
                    return TextNode.valueOf("");
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return TextNode.valueOf(out.toString());
    }

    /** The value of one reference, or null after reporting why there is none. */
    private String lookup(String reference, String path, Problems problems) {
        if (reference.startsWith(FILE)) {
            return readFile(reference.substring(FILE.length()).strip(), path, problems);
        }
        if (reference.isEmpty()) {
            problems.add(path, "${} names no environment variable");
            return null;
        }
        String value = env.apply(reference);
        if (value == null) {
            problems.add(path, "environment variable " + reference + " is not set");
        }
        return value;
    }

    private static String readFile(String file, String path, Problems problems) {
        if (file.isEmpty()) {
            problems.add(path, "${file:} names no file");
            return null;
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (NoSuchFileException e) {
            problems.add(path, "file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            // Only the exception's type: its message could quote the file's content.
            problems.add(path, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }
}
