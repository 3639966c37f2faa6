package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.results.Workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A benchmark profile ({@code profiles/*.json}): what to measure and how hard, bound from JSON by
 * {@link ProfileReader} with Jackson, field by field as profiles/README.md documents it. Every layer (a
 * file, the command-line flags) binds to these records on its own, so an unknown field, a wrong type or a
 * value out of range names the file and the field; fields a layer leaves out are null there. The layers'
 * merge binds once more and must be complete: {@code profiles/default.json} states every default, the only
 * place defaults live.
 *
 * @param name        profile name (the preset and profile names), set by the reader
 * @param description one line for humans
 * @param model       where models come from
 * @param devices     devices to plan
 * @param precisions  weight precisions to plan
 * @param runtimes    runtime ids to plan; {@code installed} stands for every runtime found on this machine
 * @param workloads   what each cell measures
 * @param jmh         forks, warm-up and measured iterations, timeout
 * @param session     runtime session options
 * @param telemetry   telemetry sampling
 * @param interference when a fork counts as disturbed by other work on the machine, and how often it is rerun
 * @param executionProviders execution-provider options per device id (hardware profiles)
 * @param thresholds  the regression gate's thresholds (free JSON, read by the gate)
 */
public record Profile(String name, String description, Model model, List<Device> devices, List<Precision> precisions,
                      List<String> runtimes, Workloads workloads, Jmh jmh, Session session, Telemetry telemetry,
                      Interference interference, Map<String, Map<String, String>> executionProviders, JsonNode thresholds) {

    /** The runtimes entry standing for every runtime whose library is found here. */
    public static final String INSTALLED = "installed";

    public Profile {
        nonEmpty("devices", devices);
        nonEmpty("precisions", precisions);
        nonEmpty("runtimes", runtimes);
        if (executionProviders != null) {
            executionProviders.keySet().forEach(d -> device("execution_providers", d));
        }
        if (devices != null && devices.contains(Device.CPU) && workloads != null && workloads.characterise() != null
                && workloads.characterise().threads() != null && workloads.characterise().threads().counts() != null
                && workloads.characterise().threads().counts().contains(0)) {
            throw new ProfileFieldException("workloads.characterise.threads", "0 (the runtime's choice) is for accelerators, which are "
                    + "characterised with it anyway; the cpu is swept over thread counts >= 1, found " + workloads.characterise().threads().counts());
        }
    }

    /** This profile named. */
    public Profile named(String profileName) {
        return new Profile(profileName, description, model, devices, precisions, runtimes, workloads, jmh, session, telemetry,
                interference, executionProviders, thresholds);
    }

    /** Execution-provider options for a device (empty when the profile names none). */
    public Map<String, String> providerOptions(Device device) {
        if (executionProviders == null) {
            return Map.of();
        }
        Map<String, String> o = executionProviders.get(device.id());
        return o == null ? Map.of() : o;
    }

    /**
     * Synthetic models (a size preset, or custom dimensions over the preset) in every format the suite
     * writes, and optional folders per model format and precision for real models
     * ({@code folders.onnx-genai.int4 = "/models/phi3-int4"}).
     */
    public record Model(Synthetic synthetic, Map<String, Map<String, String>> folders) {
        public Model {
            if (folders != null) {
                folders.forEach((format, byPrecision) -> byPrecision.keySet().forEach(p -> precision("folders." + format, p)));
            }
        }

        /** The folder named for a format and precision, or null. */
        public Path folder(String format, Precision precision) {
            if (folders == null || folders.get(format) == null) {
                return null;
            }
            for (Map.Entry<String, String> e : folders.get(format).entrySet()) {
                if (Precision.parse(e.getKey()) == precision) {
                    return Path.of(e.getValue());
                }
            }
            return null;
        }
    }

    /**
     * @param size tiny or mini; with {@code dims}, the preset the custom dimensions start from
     * @param seed the weight seed
     * @param dims custom dimensions over the preset (e.g. a model large enough for threads to matter)
     */
    public record Synthetic(String size, Long seed, Dims dims) {
        public Synthetic {
            if (size != null) {
                try {
                    ModelDimensions.preset(size);
                } catch (IllegalArgumentException e) {
                    throw new ProfileFieldException("size", e.getMessage());
                }
            }
        }

        /** The size preset's name, or null when custom dimensions make the model its own shape. */
        public String sizeName() {
            return dims != null && !dims.isEmpty() ? null : size;
        }

        /** The model's dimensions: the preset with any custom ones over it. */
        public ModelDimensions dimensions() {
            ModelDimensions base = ModelDimensions.preset(size);
            if (dims == null || dims.isEmpty()) {
                return base;
            }
            int heads = or(dims.heads(), base.heads());
            int hidden = or(dims.hidden(), base.hidden());
            try {
                return new ModelDimensions(hidden, or(dims.layers(), base.layers()), heads, or(dims.kvHeads(), heads),
                        or(dims.headSize(), hidden / heads), or(dims.intermediate(), base.intermediate()), or(dims.vocab(), base.vocab()),
                        or(dims.context(), base.context()), base.ropeTheta(), base.rmsNormEps());
            } catch (IllegalArgumentException e) {
                throw new ProfileFieldException("dims", e.getMessage().replace("--", ""));
            }
        }

        private static int or(Integer v, int fallback) {
            return v != null ? v : fallback;
        }
    }

    /** Custom dimensions; each absent one is the preset's. */
    public record Dims(Integer hidden, Integer layers, Integer heads, Integer kvHeads, Integer headSize, Integer intermediate,
                       Integer vocab, Integer context) {
        public Dims {
            positive("hidden", hidden);
            positive("layers", layers);
            positive("heads", heads);
            positive("kv_heads", kvHeads);
            positive("head_size", headSize);
            positive("intermediate", intermediate);
            positive("vocab", vocab);
            positive("context", context);
        }

        boolean isEmpty() {
            return hidden == null && layers == null && heads == null && kvHeads == null && headSize == null && intermediate == null
                    && vocab == null && context == null;
        }
    }

    /** Prompt lengths, generated tokens and context depths per workload kind; empty lists switch a kind off. */
    public record Workloads(Generate generate, Prefill prefill, Decode decode, Boolean load, Characterise characterise) {
        /** The token cells' workloads, in table order: generate, prefill, decode, load ({@link Characterise} is per device). */
        public List<Workload> planned() {
            List<Workload> out = new ArrayList<>();
            if (generate != null && generate.promptTokens() != null) {
                generate.promptTokens().forEach(p -> out.add(new Workload.Generate(p, generate.genTokens())));
            }
            if (prefill != null && prefill.promptTokens() != null) {
                prefill.promptTokens().forEach(p -> out.add(new Workload.Prefill(p)));
            }
            if (decode != null && decode.contextDepths() != null) {
                decode.contextDepths().forEach(d -> out.add(new Workload.Decode(d)));
            }
            if (Boolean.TRUE.equals(load)) {
                out.add(new Workload.Load());
            }
            return out;
        }
    }

    /**
     * The characterise workload: what each device can do (read bandwidth, matmul throughput of each precision
     * through each runtime that runs a bare graph), one cell per thread count on the cpu and one at 0 threads
     * (the runtime's choice) on each accelerator.
     *
     * @param threads   the cpu's thread counts; {@code []} plans no characterise cell, {@code "physical_cores"} sweeps
     *                  1..the physical cores the suite finds
     * @param bufferMib the read probe's buffer in MiB: far beyond the caches (1 GiB), so it measures the memory;
     *                  tests shrink it
     */
    public record Characterise(@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ThreadSweepDeserializer.class)
                               ThreadSweep threads, Integer bufferMib) {
        public Characterise {
            positive("buffer_mib", bufferMib);
        }

        /** Whether any characterise cell is planned. */
        public boolean isEmpty() {
            return threads == null || (threads.counts() != null && threads.counts().isEmpty());
        }

        /** The device's characterise workloads: the thread sweep on the cpu, one at 0 threads on an accelerator. */
        public List<Workload> planned(Device device, int physicalCores) {
            return planned(device, physicalCores, Math.max(1, physicalCores));
        }

        /** The same, {@code sessionThreads} being the count the run's token cells use (for {@code "session"}). */
        public List<Workload> planned(Device device, int physicalCores, int sessionThreads) {
            if (isEmpty()) {
                return List.of();
            }
            if (device != Device.CPU) {
                return List.of(new Workload.Characterise(0));
            }
            List<Workload> out = new ArrayList<>();
            if (threads.session()) {
                // the token cells' own count, so each meets the ceilings measured with its threads; a session left
                // to the runtime's default (0) is measured on every physical core, what runtimes default to
                out.add(new Workload.Characterise(sessionThreads > 0 ? sessionThreads : Math.max(1, physicalCores)));
            } else if (threads.counts() == null) {
                for (int t = 1; t <= Math.max(1, physicalCores); t++) {
                    out.add(new Workload.Characterise(t));
                }
            } else {
                threads.counts().stream().distinct().forEach(t -> out.add(new Workload.Characterise(t)));
            }
            return out;
        }
    }

    /**
     * Thread counts of a sweep; null counts: 1..the physical cores ({@code "physical_cores"}); {@code session}: the
     * one count of {@code session.threads} ({@code "session"}), a cheap probe that places the run's own cells.
     */
    public record ThreadSweep(List<Integer> counts, boolean session) {
        public static final String SESSION = "session";

        public ThreadSweep(List<Integer> counts) {
            this(counts, false);
        }

        static ThreadSweep ofSession() {
            return new ThreadSweep(null, true);
        }
    }

    public record Generate(List<Integer> promptTokens, Integer genTokens) {
        public Generate {
            positives("prompt_tokens", promptTokens);
            positive("gen_tokens", genTokens);
        }
    }

    public record Prefill(List<Integer> promptTokens) {
        public Prefill {
            positives("prompt_tokens", promptTokens);
        }
    }

    public record Decode(List<Integer> contextDepths) {
        public Decode {
            positives("context_depths", contextDepths);
        }
    }

    /**
     * @param decodeIterations measured shots of the decode workload, which are single steps and need more
     *                         shots than a whole generation for the same confidence
     */
    public record Jmh(Integer forks, Integer warmupIterations, Integer iterations, Integer decodeIterations, Integer timeoutMinutes,
                      Boolean interleave) {
        public Jmh {
            positive("forks", forks);
            nonNegative("warmup_iterations", warmupIterations);
            positive("iterations", iterations);
            positive("decode_iterations", decodeIterations);
            positive("timeout_minutes", timeoutMinutes);
        }
    }

    /**
     * @param threads      intra-op threads (0: the runtime's default)
     * @param optimization graph optimisation level
     * @param sampling     where greedy sampling runs: in the runtime's call, or in the suite's Java loop
     */
    public record Session(@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ThreadSettingDeserializer.class) Integer threads,
                          String optimization, String sampling) {
        /**
         * {@code "threads": "physical_cores"} (the default): one intra-op thread per physical core the suite finds,
         * as llama-bench does. A runtime's own default is not that: ONNX Runtime's ran one compute thread on this
         * 2-core VM (TPOT 132.5 ms against 68.2 ms with two), and the run said nothing. {@code 0} still asks for the
         * runtime's own default, for users who want to measure it.
         */
        public static final int PHYSICAL_CORES = -1;

        public Session {
            if (threads == null || threads != PHYSICAL_CORES) {
                nonNegative("threads", threads);
            }
            oneOf("optimization", optimization, "all", "extended", "basic", "none");
            oneOf("sampling", sampling, "runtime", "java");
        }

        /** The thread count the cell's runtime is given: {@code physicalCores} for "physical_cores", else the number (0: its own default). */
        public int threadsFor(int physicalCores) {
            return threads == PHYSICAL_CORES ? Math.max(1, physicalCores) : threads;
        }

        /** Where the count came from, for results: {@code physical cores}, {@code runtime default}, {@code profile}. */
        public String threadsSource() {
            return threads == PHYSICAL_CORES ? "physical cores" : threads == 0 ? "runtime default" : "profile";
        }
    }

    /**
     * @param etw     capture an ETW trace of the GPU kernel driver beside each cell (Windows, elevated)
     * @param exclude telemetry source ids never to run (e.g. {@code nvidia-smi})
     */
    public record Telemetry(Boolean enabled, Integer intervalMs, Integer npuIntervalMs, Boolean etw, List<String> exclude) {
        public Telemetry {
            positive("interval_ms", intervalMs);
            positive("npu_interval_ms", npuIntervalMs);
        }
    }

    /**
     * A fork is disturbed when, on average over its measured iterations, other processes kept more than
     * {@code maxOtherCores} logical cores busy or the hypervisor stole more than {@code maxStealPct} of the
     * time; it is then rerun, at most {@code reruns} times per cell, and its samples decide nothing.
     */
    public record Interference(Double maxOtherCores, Double maxStealPct, Integer reruns) {
        public Interference {
            if (maxOtherCores != null && maxOtherCores < 0) {
                throw new ProfileFieldException("max_other_cores", "expected a number >= 0, found " + maxOtherCores);
            }
            if (maxStealPct != null && (maxStealPct < 0 || maxStealPct > 100)) {
                throw new ProfileFieldException("max_steal_pct", "expected a percentage from 0 to 100, found " + maxStealPct);
            }
            nonNegative("reruns", reruns);
        }
    }

    /** Fails unless the profile plans at least one workload. */
    void requireWorkloads(String where) {
        if (workloads == null || workloads.planned().isEmpty() && (workloads.characterise() == null || workloads.characterise().isEmpty())) {
            throw new IllegalArgumentException(where + ": plans no workload: give workloads.generate.prompt_tokens, "
                    + "workloads.prefill.prompt_tokens, workloads.decode.context_depths, workloads.load or workloads.characterise.threads");
        }
    }

    private static void nonEmpty(String field, List<?> values) {
        if (values != null && values.isEmpty()) {
            throw new ProfileFieldException(field, "expected a non-empty list, found []");
        }
    }

    private static void positive(String field, Integer value) {
        if (value != null && value < 1) {
            throw new ProfileFieldException(field, "expected an integer >= 1, found " + value);
        }
    }

    private static void nonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new ProfileFieldException(field, "expected an integer >= 0, found " + value);
        }
    }

    private static void positives(String field, List<Integer> values) {
        if (values != null) {
            for (Integer v : values) {
                if (v == null || v < 1) {
                    throw new ProfileFieldException(field, "expected integers >= 1, found " + v);
                }
            }
        }
    }

    private static void oneOf(String field, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            throw new ProfileFieldException(field, "expected one of " + String.join(", ", allowed) + ", found \"" + value + "\"");
        }
    }

    private static void device(String field, String id) {
        try {
            Device.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ProfileFieldException(field, e.getMessage());
        }
    }

    private static void precision(String field, String id) {
        try {
            Precision.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ProfileFieldException(field, e.getMessage());
        }
    }
}
