package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads profiles. A run's profile is layered: {@code default.json}, then the {@code --matrix} preset,
 * then {@code --profile}, each overriding what it names (objects merge, lists and values replace), and
 * last the command-line flags. Every file is checked on its own, so an error names the file and the
 * field: {@code profiles/ci.json: field jmh.forks: expected an integer, found string "2"}.
 */
public final class ProfileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        ProfileSchema.check(source, root);
        return new Layer(source, (ObjectNode) root);
    }

    /** Merges layers in order and builds the profile, checking values that only make sense together. */
    public static Profile resolve(String name, List<Layer> layers) {
        return build(name, describe(layers), merged(layers));
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

    /** Checks a layer built in code (command-line flags) against the schema. */
    public static Layer checked(String source, ObjectNode json) {
        ProfileSchema.check(source, json);
        return new Layer(source, json);
    }

    static void merge(ObjectNode into, JsonNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    public static Profile build(String name, String where, JsonNode j) {
        Values v = new Values(where, j);
        String size = v.text("model.synthetic.size", "tiny");
        ModelDimensions dims;
        try {
            dims = ModelDimensions.preset(size);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field model.synthetic.size: " + e.getMessage());
        }
        JsonNode custom = j.path("model").path("synthetic").path("dims");
        if (custom.isObject() && custom.size() > 0) {
            int heads = (int) v.integer("model.synthetic.dims.heads", dims.heads());
            int hidden = (int) v.integer("model.synthetic.dims.hidden", dims.hidden());
            try {
                dims = new ModelDimensions(hidden, (int) v.integer("model.synthetic.dims.layers", dims.layers()), heads,
                        (int) v.integer("model.synthetic.dims.kv_heads", heads),
                        (int) v.integer("model.synthetic.dims.head_size", hidden / heads),
                        (int) v.integer("model.synthetic.dims.intermediate", dims.intermediate()),
                        (int) v.integer("model.synthetic.dims.vocab", dims.vocab()),
                        (int) v.integer("model.synthetic.dims.context", dims.context()), dims.ropeTheta(), dims.rmsNormEps());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field model.synthetic.dims: " + e.getMessage().replace("--", ""));
            }
            size = null;
        }
        Map<String, Map<Precision, Path>> folders = new LinkedHashMap<>();
        JsonNode f = j.path("model").path("folders");
        f.fields().forEachRemaining(format -> {
            Map<Precision, Path> byPrecision = new EnumMap<>(Precision.class);
            format.getValue().fields().forEachRemaining(p -> byPrecision.put(
                    v.precision("model.folders." + format.getKey(), p.getKey()), Path.of(p.getValue().asText())));
            folders.put(format.getKey(), byPrecision);
        });
        Profile.ModelSource model = new Profile.ModelSource(size, dims, v.integer("model.synthetic.seed", 42), folders);

        List<Device> devices = new ArrayList<>();
        for (String d : v.strings("devices", List.of("cpu"))) {
            devices.add(v.device("devices", d));
        }
        List<Precision> precisions = new ArrayList<>();
        for (String p : v.strings("precisions", List.of("int4"))) {
            precisions.add(v.precision("precisions", p));
        }
        List<String> runtimes = v.strings("runtimes", List.of("onnxruntime"));
        Profile.Workloads w = new Profile.Workloads(
                v.positiveInts("workloads.generate.prompt_tokens", List.of(128)),
                v.positive("workloads.generate.gen_tokens", 32),
                v.positiveInts("workloads.prefill.prompt_tokens", List.of()),
                v.positiveInts("workloads.decode.context_depths", List.of()),
                j.path("workloads").path("load").asBoolean(false));
        Profile.Jmh jmh = new Profile.Jmh(v.positive("jmh.forks", 1), v.nonNegative("jmh.warmup_iterations", 1),
                v.positive("jmh.iterations", 3), v.positive("jmh.decode_iterations", 20), v.positive("jmh.timeout_minutes", 30));
        String optimization = v.oneOf("session.optimization", "all", "all", "extended", "basic", "none");
        String sampling = v.oneOf("session.sampling", "runtime", "runtime", "java");
        Profile.Session session = new Profile.Session(v.nonNegative("session.threads", 0), optimization, sampling);
        List<String> exclude = new ArrayList<>();
        j.path("telemetry").path("exclude").forEach(e -> exclude.add(e.asText()));
        Profile.Telemetry telemetry = new Profile.Telemetry(j.path("telemetry").path("enabled").asBoolean(true),
                v.positive("telemetry.interval_ms", 100), v.positive("telemetry.npu_interval_ms", 1000),
                j.path("telemetry").path("etw").asBoolean(false), exclude);
        Map<Device, Map<String, String>> providerOptions = new EnumMap<>(Device.class);
        j.path("execution_providers").fields().forEachRemaining(e -> {
            Map<String, String> opts = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(o -> opts.put(o.getKey(), o.getValue().asText()));
            providerOptions.put(v.device("execution_providers", e.getKey()), opts);
        });
        JsonNode thresholds = j.has("thresholds") ? j.get("thresholds") : null;
        return new Profile(name, v.text("description", ""), model, devices, precisions, runtimes, w, jmh, session,
                telemetry, providerOptions, thresholds);
    }

    /** Typed, defaulted access to the merged profile with errors naming the field and the files. */
    private static final class Values {
        private final String where;
        private final JsonNode root;

        Values(String where, JsonNode root) {
            this.where = where;
            this.root = root;
        }

        private JsonNode node(String path) {
            JsonNode n = root;
            for (String part : path.split("\\.")) {
                n = n.path(part);
            }
            return n.isMissingNode() || n.isNull() ? null : n;
        }

        private IllegalArgumentException bad(String path, String expected, Object found) {
            return new IllegalArgumentException(where + ": field " + path + ": expected " + expected + ", found " + found);
        }

        String text(String path, String fallback) {
            JsonNode n = node(path);
            return n == null ? fallback : n.asText();
        }

        long integer(String path, long fallback) {
            JsonNode n = node(path);
            return n == null ? fallback : n.asLong();
        }

        int positive(String path, int fallback) {
            int value = (int) integer(path, fallback);
            if (value < 1) {
                throw bad(path, "an integer >= 1", value);
            }
            return value;
        }

        int nonNegative(String path, int fallback) {
            int value = (int) integer(path, fallback);
            if (value < 0) {
                throw bad(path, "an integer >= 0", value);
            }
            return value;
        }

        List<String> strings(String path, List<String> fallback) {
            JsonNode n = node(path);
            if (n == null) {
                return fallback;
            }
            List<String> out = new ArrayList<>();
            n.forEach(e -> out.add(e.asText()));
            if (out.isEmpty()) {
                throw bad(path, "a non-empty list", "[]");
            }
            return out;
        }

        List<Integer> positiveInts(String path, List<Integer> fallback) {
            JsonNode n = node(path);
            if (n == null) {
                return fallback;
            }
            List<Integer> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (e.asInt() < 1) {
                    throw bad(path, "integers >= 1", e);
                }
                out.add(e.asInt());
            }
            return out;
        }

        String oneOf(String path, String fallback, String... allowed) {
            String s = text(path, fallback);
            for (String a : allowed) {
                if (a.equals(s)) {
                    return s;
                }
            }
            throw bad(path, "one of " + String.join(", ", allowed), "\"" + s + "\"");
        }

        Device device(String path, String value) {
            try {
                return Device.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field " + path + ": " + e.getMessage());
            }
        }

        Precision precision(String path, String value) {
            try {
                return Precision.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field " + path + ": " + e.getMessage());
            }
        }
    }
}
