package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads profiles. A run's profile is layered: {@code default.json}, then the {@code --matrix} preset,
 * then {@code --profile}, each overriding what it names (objects merge, lists and values replace), and
 * last the command-line flags. Each layer binds to {@link Profile}'s records on its own, so an error names
 * the file and the field's JSON path: {@code profiles/ci.json: field jmh.forks: expected an integer, found
 * string "2"}; then the merge binds as the run's profile.
 */
public final class ProfileReader {
    /** Strict: unknown fields and wrong types are errors; {@code $comment} fields are documentation. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                                     Object beanOrClass, String propertyName) throws IOException {
                    if (propertyName.equals("$comment")) {
                        p.skipChildren();
                        return true;
                    }
                    return false;
                }
            })
            .build();

    private final List<Path> searchPath;

    /** @param searchPath folders searched for {@code NAME.json} before the profiles bundled in the jar */
    public ProfileReader(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    /** One layer: where it came from and its JSON. */
    public record Layer(String source, ObjectNode json) {
    }

    /** Finds a profile by name ({@code quick}) or path ({@code my/profile.json}) and checks it. */
    public Layer layer(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") || nameOrPath.contains("/") || nameOrPath.contains("\\")) {
            if (!Files.isRegularFile(asPath)) {
                throw new IllegalArgumentException(nameOrPath + ": profile file not found");
            }
            return parse(asPath.toString(), read(asPath));
        }
        for (Path dir : searchPath) {
            Path f = dir.resolve(nameOrPath + ".json");
            if (Files.isRegularFile(f)) {
                return parse(f.toString(), read(f));
            }
        }
        try (InputStream in = ProfileReader.class.getResourceAsStream("/profiles/" + nameOrPath + ".json")) {
            if (in != null) {
                return parse("profiles/" + nameOrPath + ".json (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("profile " + nameOrPath + ": cannot be read: " + e.getMessage());
        }
        throw new IllegalArgumentException("unknown profile '" + nameOrPath + "': no " + nameOrPath + ".json in "
                + searchPath + " or bundled with the suite (presets: default, quick, full, ci, intel-core-ultra)");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot be read: " + e.getMessage());
        }
    }

    static Layer parse(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        return checked(source, (ObjectNode) root);
    }

    /** Checks a layer (a file, or the command-line flags built in code) by binding it on its own. */
    public static Layer checked(String source, ObjectNode json) {
        Profile p = bind(source, json);
        if (p.runtimes() != null) {
            List<String> known = new ArrayList<>(RuntimeCatalog.standard().all().stream().map(r -> r.id()).toList());
            known.add(Profile.INSTALLED);
            for (int i = 0; i < p.runtimes().size(); i++) {
                if (!known.contains(p.runtimes().get(i))) {
                    throw new IllegalArgumentException(source + ": field runtimes[" + i + "]: unknown runtime '" + p.runtimes().get(i)
                            + "': expected one of " + String.join(", ", known));
                }
            }
        }
        return new Layer(source, json);
    }

    /** Merges the layers in order and binds the result as the run's profile. */
    public static Profile resolve(String name, List<Layer> layers) {
        String where = describe(layers);
        Profile p = bind(where, merged(layers)).named(name);
        p.requireWorkloads(where);
        return p;
    }

    /** The layers merged into one JSON object: what results.json records, and what --resume reads back. */
    public static ObjectNode merged(List<Layer> layers) {
        ObjectNode merged = JSON.createObjectNode();
        for (Layer l : layers) {
            merge(merged, l.json());
        }
        return merged;
    }

    /** "profiles/default.json + profiles/quick.json + command line": where a merged profile came from. */
    public static String describe(List<Layer> layers) {
        List<String> sources = new ArrayList<>();
        for (Layer l : layers) {
            sources.add(l.source());
        }
        return String.join(" + ", sources);
    }

    static void merge(ObjectNode into, JsonNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (e.getValue().isNull()) {
                continue; // null means "not set here": the layer below keeps its value
            }
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Binds JSON to the profile records; a failure is one line naming {@code source} and the field. */
    static Profile bind(String source, JsonNode json) {
        try {
            return JSON.treeToValue(json, Profile.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(source + ": " + explain(e, json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage());
        }
    }

    /** "field jmh.forks: expected an integer, found string "2"", from what Jackson reports. */
    private static String explain(JsonMappingException e, JsonNode json) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
            TreeSet<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
            }
            known.remove("name");
            return "unknown field " + path + " (expected one of " + String.join(", ", known) + ")";
        }
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException && cause instanceof ProfileFieldException) {
            String field = ((ProfileFieldException) cause).field();
            return "field " + (path.isEmpty() ? field : path + "." + field) + ": " + cause.getMessage();
        }
        if (e instanceof InvalidFormatException) {
            InvalidFormatException f = (InvalidFormatException) e;
            return "field " + path + ": expected " + expected(f.getTargetType()) + ", found " + kind(at(json, e.getPath()));
        }
        if (e instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) e;
            return "field " + path + ": expected " + expected(m.getTargetType()) + ", found " + kind(at(json, e.getPath()));
        }
        if (cause instanceof IllegalArgumentException) {
            return "field " + path + ": " + cause.getMessage();
        }
        return "field " + path + ": " + e.getOriginalMessage();
    }

    /** The node the failing path points at in the JSON being bound (a missing node if it cannot be followed). */
    private static JsonNode at(JsonNode json, List<JsonMappingException.Reference> refs) {
        JsonNode n = json;
        for (JsonMappingException.Reference r : refs) {
            n = r.getFieldName() != null ? n.path(r.getFieldName()) : r.getIndex() >= 0 ? n.path(r.getIndex()) : n;
        }
        return n;
    }

    /** What a JSON value is, as the messages say it: {@code a string "2"}, {@code a list}, ... */
    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string \"" + n.asText() + "\"";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return "an integer (" + n.asText() + ")";
        }
        if (n.isNumber()) {
            return "a decimal number (" + n.asText() + ")";
        }
        return n.isNull() ? "null" : "another type";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", enumIds(type));
        }
        return "an object";
    }

    private static List<String> enumIds(Class<?> type) {
        List<String> ids = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            ids.add(c.toString().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

}
