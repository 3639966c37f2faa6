package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a profile file: which fields exist and of what type. Checked per file so a typo
 * ({@code "worklods"}) or a wrong type is reported with the file and the field, not silently ignored.
 */
final class ProfileSchema {
    private enum Type { STRING, INTEGER, BOOLEAN, OBJECT, STRINGS, INTEGERS, STRING_MAP, ANY }

    private static final Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("$comment", Type.ANY),
            Map.entry("name", Type.STRING),
            Map.entry("description", Type.STRING),
            Map.entry("model", Type.OBJECT),
            Map.entry("model.synthetic", Type.OBJECT),
            Map.entry("model.synthetic.size", Type.STRING),
            Map.entry("model.synthetic.seed", Type.INTEGER),
            Map.entry("model.synthetic.dims", Type.OBJECT),
            Map.entry("model.synthetic.dims.hidden", Type.INTEGER),
            Map.entry("model.synthetic.dims.layers", Type.INTEGER),
            Map.entry("model.synthetic.dims.heads", Type.INTEGER),
            Map.entry("model.synthetic.dims.kv_heads", Type.INTEGER),
            Map.entry("model.synthetic.dims.head_size", Type.INTEGER),
            Map.entry("model.synthetic.dims.intermediate", Type.INTEGER),
            Map.entry("model.synthetic.dims.vocab", Type.INTEGER),
            Map.entry("model.synthetic.dims.context", Type.INTEGER),
            Map.entry("model.folders", Type.OBJECT),
            Map.entry("devices", Type.STRINGS),
            Map.entry("precisions", Type.STRINGS),
            Map.entry("runtimes", Type.STRINGS),
            Map.entry("workloads", Type.OBJECT),
            Map.entry("workloads.generate", Type.OBJECT),
            Map.entry("workloads.generate.prompt_tokens", Type.INTEGERS),
            Map.entry("workloads.generate.gen_tokens", Type.INTEGER),
            Map.entry("workloads.prefill", Type.OBJECT),
            Map.entry("workloads.prefill.prompt_tokens", Type.INTEGERS),
            Map.entry("workloads.decode", Type.OBJECT),
            Map.entry("workloads.decode.context_depths", Type.INTEGERS),
            Map.entry("workloads.load", Type.BOOLEAN),
            Map.entry("jmh", Type.OBJECT),
            Map.entry("jmh.forks", Type.INTEGER),
            Map.entry("jmh.warmup_iterations", Type.INTEGER),
            Map.entry("jmh.iterations", Type.INTEGER),
            Map.entry("jmh.decode_iterations", Type.INTEGER),
            Map.entry("jmh.timeout_minutes", Type.INTEGER),
            Map.entry("session", Type.OBJECT),
            Map.entry("session.threads", Type.INTEGER),
            Map.entry("session.optimization", Type.STRING),
            Map.entry("session.sampling", Type.STRING),
            Map.entry("telemetry", Type.OBJECT),
            Map.entry("telemetry.enabled", Type.BOOLEAN),
            Map.entry("telemetry.interval_ms", Type.INTEGER),
            Map.entry("telemetry.npu_interval_ms", Type.INTEGER),
            Map.entry("telemetry.etw", Type.BOOLEAN),
            Map.entry("telemetry.exclude", Type.STRINGS),
            Map.entry("execution_providers", Type.OBJECT),
            Map.entry("thresholds", Type.OBJECT));

    /** Objects whose keys are free (formats, devices, precisions, metric names) but whose values are typed. */
    private static final Map<String, Type> OPEN_OBJECTS = Map.of(
            "model.folders", Type.STRING_MAP,
            "execution_providers", Type.STRING_MAP,
            "thresholds", Type.ANY);

    private ProfileSchema() {
    }

    static void check(String source, JsonNode root) {
        checkObject(source, "", root);
    }

    private static void checkObject(String source, String prefix, JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Type type = FIELDS.get(path);
            if (type == null) {
                throw new IllegalArgumentException(source + ": unknown field " + path + " (expected one of " + siblings(prefix) + ")");
            }
            JsonNode v = e.getValue();
            check(source, path, type, v);
            Type open = OPEN_OBJECTS.get(path);
            if (open == Type.STRING_MAP) {
                v.fields().forEachRemaining(inner -> {
                    String p = path + "." + inner.getKey();
                    check(source, p, Type.OBJECT, inner.getValue());
                    inner.getValue().fields().forEachRemaining(leaf -> check(source, p + "." + leaf.getKey(), Type.STRING, leaf.getValue()));
                });
            } else if (type == Type.OBJECT && open == null) {
                checkObject(source, path, v);
            }
        }
    }

    private static void check(String source, String path, Type type, JsonNode v) {
        boolean ok;
        switch (type) {
            case STRING: ok = v.isTextual(); break;
            case INTEGER: ok = v.isIntegralNumber(); break;
            case BOOLEAN: ok = v.isBoolean(); break;
            case OBJECT: ok = v.isObject(); break;
            case STRINGS: ok = v.isArray() && allMatch(v, JsonNode::isTextual); break;
            case INTEGERS: ok = v.isArray() && allMatch(v, JsonNode::isIntegralNumber); break;
            default: ok = true;
        }
        if (!ok) {
            String found = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(v.toString());
            throw new IllegalArgumentException(source + ": field " + path + ": expected " + describe(type) + ", found " + found);
        }
    }

    private static boolean allMatch(JsonNode array, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode e : array) {
            if (!p.test(e)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Type t) {
        switch (t) {
            case STRING: return "a string";
            case INTEGER: return "an integer";
            case BOOLEAN: return "true or false";
            case OBJECT: return "an object";
            case STRINGS: return "a list of strings";
            case INTEGERS: return "a list of integers";
            default: return "a value";
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String siblings(String prefix) {
        Set<String> names = new TreeSet<>();
        for (String f : FIELDS.keySet()) {
            String parent = f.contains(".") ? f.substring(0, f.lastIndexOf('.')) : "";
            if (parent.equals(prefix)) {
                names.add(f.substring(f.lastIndexOf('.') + 1));
            }
        }
        return String.join(", ", names);
    }
}
