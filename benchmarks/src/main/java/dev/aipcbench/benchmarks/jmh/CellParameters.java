package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.SessionSettings;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JMH parameters of one matrix cell. The matrix runner sets every one of them; the defaults only
 * let a benchmark be launched by hand ({@code java -cp aipc-bench.jar org.openjdk.jmh.Main ...}) on a
 * model folder given with {@code -p model=DIR}.
 */
@State(Scope.Benchmark)
public abstract class CellParameters {
    @Param("onnxruntime")
    public String runtime;

    @Param("cpu")
    public String device;

    /** Model folder. */
    @Param("")
    public String model;

    @Param("128")
    public int promptTokens;

    @Param("32")
    public int genTokens;

    @Param("128")
    public int contextDepth;

    @Param("0")
    public int threads;

    @Param("all")
    public String optimization;

    @Param("runtime")
    public String sampling;

    /** Execution-provider options as {@code key=value;key=value}. */
    @Param("")
    public String providerOptions;

    /** KV capacity the cell needs (prompt + generated tokens); 0 for the model's own. */
    @Param("0")
    public int maxSequenceLength;

    SessionSettings settings(Path compileCache) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("JMH parameter 'model' must name a model folder (-p model=DIR)");
        }
        return new SessionSettings(Device.parse(device), threads, optimization, maxSequenceLength,
                parseOptions(providerOptions), compileCache, sampling);
    }

    static Map<String, String> parseOptions(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return out;
        }
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("provider option '" + pair + "': expected key=value");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /** The inverse of {@link #parseOptions}, for the runner. */
    public static String encodeOptions(Map<String, String> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }
}
