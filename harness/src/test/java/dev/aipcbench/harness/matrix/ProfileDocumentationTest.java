package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * profiles/README.md documents every profile field with its true default: the defaults are stated once, in
 * default.json, and the table must say the same; every documented field is one the profile records bind.
 */
class ProfileDocumentationTest {
    private static final Path PROFILES = Path.of("..", "profiles");

    /** The README's field table: field name to its default cell. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROFILES.resolve("README.md"))) {
            if (line.startsWith("| `") && line.split("\\|").length >= 5) {
                String[] cells = line.split("\\|");
                String field = cells[1].trim().replace("`", "");
                if (!field.endsWith(".json")) {
                    rows.put(field, cells[3].trim());
                }
            }
        }
        return rows;
    }

    private static void leaves(String prefix, JsonNode n, Map<String, JsonNode> out) {
        if (n.isObject() && !prefix.equals("thresholds")) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("$")) {
                    leaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
                }
            }
        } else {
            out.put(prefix, n);
        }
    }

    /** A JSON default as the table writes it: lists as [a, b], strings bare, objects as compact JSON. */
    private static String rendered(JsonNode v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            v.forEach(e -> sb.append(sb.length() == 1 ? "" : ", ").append(e.asText()));
            return sb.append(']').toString();
        }
        return v.isObject() ? v.toString() : v.asText();
    }

    private static String normalised(String cell) {
        return cell.replace("`", "").replace(" ", "");
    }

    @Test
    void everyDefaultIsDocumentedWithItsValue() throws IOException {
        JsonNode defaults = ProfileReader.JSON.readTree(PROFILES.resolve("default.json").toFile());
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves("", defaults, leaves);
        Map<String, String> rows = documented();
        for (Map.Entry<String, JsonNode> e : leaves.entrySet()) {
            assertTrue(rows.containsKey(e.getKey()), "profiles/README.md lacks a row for " + e.getKey());
            assertEquals(normalised(rendered(e.getValue())), normalised(rows.get(e.getKey())), "default of " + e.getKey());
        }
    }

    @Test
    void defaultJsonStatesEveryFieldTheRunNeeds() throws IOException {
        Profile p = ProfileReader.bind("profiles/default.json", ProfileReader.JSON.readTree(PROFILES.resolve("default.json").toFile()));
        Set<String> missing = new TreeSet<>();
        missingIn("", p, missing, Set.of("name", "model.synthetic.dims", "model.folders", "execution_providers"));
        assertEquals(Set.of(), missing, "fields default.json must state");
    }

    @Test
    void everyDocumentedFieldIsOneTheProfileBinds() throws IOException {
        Set<String> bound = new TreeSet<>();
        paths("", Profile.class, bound);
        for (String field : documented().keySet()) {
            String stem = field.replaceAll("\\.[<{].*$", "");
            assertTrue(bound.contains(stem), "profiles/README.md documents " + field + ", which no profile record binds (" + bound + ")");
        }
    }

    private static String snake(String name) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(name);
    }

    private static void paths(String prefix, Class<?> type, Set<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? snake(c.getName()) : prefix + "." + snake(c.getName());
            out.add(path);
            if (c.getType().isRecord()) {
                paths(path, c.getType(), out);
            }
        }
    }

    private static void missingIn(String prefix, Object record, Set<String> out, Set<String> optional) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            String path = prefix.isEmpty() ? snake(c.getName()) : prefix + "." + snake(c.getName());
            if (optional.contains(path)) {
                continue;
            }
            Object v;
            try {
                v = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (v == null) {
                out.add(path);
            } else if (c.getType().isRecord()) {
                missingIn(path, v, out, optional);
            }
        }
    }
}
