package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree to a record with Jackson, and keeps going after a problem: the offending
 * key is reported with its path, removed from a copy of the tree, and the binding is tried
 * again. So three unknown keys give three problems, not one. Jackson's own messages are never
 * shown: they quote the value, and the value may be a token.
 */
final class Binder {
    private static final int MAX_ATTEMPTS = 100;

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Registered after JavaTimeModule so that its Duration reader wins.
            .addModule(new SimpleModule("earshot-spans").addDeserializer(Duration.class, new SpanDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // An empty list item ("- " alone) is a problem at its index, not a null inside a record.
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .build();

    <T> Optional<T> bind(JsonNode node, Class<T> type, String path, Problems problems) {
        JsonNode work = node.deepCopy();
        Set<String> reported = new HashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return Optional.ofNullable(mapper.treeToValue(work, type));
            } catch (JsonMappingException e) {
                List<JsonMappingException.Reference> refs = e.getPath();
                String at = render(path, refs);
                problems.add(at, sentence(e));
                if (!reported.add(at) || !patch(work, refs, e)) {
                    return Optional.empty();
                }
            } catch (Exception e) {
                problems.add(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code sources[1]} + [instance] -> {@code sources[1].instance}. */
    static String render(String base, List<JsonMappingException.Reference> refs) {
        String path = base;
        for (JsonMappingException.Reference ref : refs) {
            path = ref.getFieldName() != null ? Problems.at(path, ref.getFieldName())
                    : Problems.at(path, ref.getIndex());
        }
        return path;
    }

    /** Takes the offending value out of the tree so the next attempt gets past it. */
    private static boolean patch(JsonNode root, List<JsonMappingException.Reference> refs,
            JsonMappingException e) {
        if (refs.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (JsonMappingException.Reference ref : refs.subList(0, refs.size() - 1)) {
            parent = ref.getFieldName() != null ? parent.get(ref.getFieldName()) : parent.get(ref.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = refs.get(refs.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null) {
            return object.remove(last.getFieldName()) != null;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()) {
            // Replaced, not removed, so that the indexes of later elements stay true.
            array.set(last.getIndex(), placeholder(array, last.getIndex(), e));
            return true;
        }
        return false;
    }

    /** An empty value of the element's kind; its own problems are covered by the one reported. */
    private static JsonNode placeholder(ArrayNode array, int index, JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        boolean text = target == String.class;
        for (int i = 0; target == null && i < array.size(); i++) {
            if (i != index && array.get(i).isTextual()) {
                text = true;
            }
        }
        return text ? JsonNodeFactory.instance.textNode("") : JsonNodeFactory.instance.objectNode();
    }

    /** A sentence for the user, from the kind of failure and the type that was expected. */
    static String sentence(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return known.isEmpty() ? "unknown key" : "unknown key; known keys here: " + known;
        }
        if (e instanceof InvalidTypeIdException) {
            return "unknown type; known types: " + String.join(", ", SourceConfig.TYPES);
        }
        if (e instanceof InvalidNullException) {
            return "must not be empty";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return expected(m.getTargetType());
        }
        return "has a value that cannot be used here";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Duration.class) {
            return "must be a time span like 30s or 1h30m";
        }
        if (type == LocalTime.class) {
            return "must be a time of day like \"09:00\" (quoted, 24-hour)";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "unknown time zone; use an IANA name like Europe/Paris or UTC";
        }
        if (type == URI.class) {
            return "must be a URL like https://example.org";
        }
        if (type.isEnum()) {
            return "must be one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type == String.class || type == Secret.class) {
            return "must be text";
        }
        return "must be a section of keys and values";
    }
}
