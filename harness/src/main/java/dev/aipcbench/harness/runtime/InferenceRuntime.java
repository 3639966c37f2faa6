package dev.aipcbench.harness.runtime;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One inference runtime the matrix can measure (ONNX Runtime with the suite's loop, the
 * onnxruntime-genai native library, OpenVINO GenAI, llama.cpp, ...). Implementations live one package
 * per runtime; each says, without opening a model, what it can run on this host.
 */
public interface InferenceRuntime {
    /** The id used on the command line and in results, e.g. {@code onnxruntime}. */
    String id();

    /** The model format it reads. */
    ModelFormat modelFormat();

    /** Version of the runtime library as loaded here, or a line saying why it cannot be loaded. */
    String version();

    /** Whether the library loads here at all. */
    boolean installed();

    /**
     * Where the runtime's library was found and how, in one line ("the suite's runtime environment
     * /.../libonnxruntime-genai.so"), or why it was not found.
     */
    default String location() {
        return installed() ? "found (this runtime does not say where)" : version();
    }

    /** The places the library search tried, each with what it found: the long story, for {@code --verbose}. */
    default List<String> searchTrail() {
        return List.of();
    }

    /** The profiling pass's prompt where the cell sets no KV capacity, and its decode steps after it. */
    int PROFILED_PROMPT = 8;
    int PROFILED_STEPS = 7;
    /** The longest prompt a profiling pass prefills (a 4096-token cell is profiled at this depth). */
    int PROFILED_PROMPT_MAX = 1024;

    /**
     * The profiling pass's prompt length: long enough that its decode steps end at the cell's KV capacity, so
     * they run at the cell's own depth (a decode step over 500 cached tokens costs more than one over 8, and the
     * anatomy is held against the cell's TPOT), and its prefill is about the cell's prompt.
     */
    static int profiledPrompt(SessionSettings settings) {
        if (settings.maxSequenceLength() <= 0) {
            return PROFILED_PROMPT;
        }
        return Math.max(1, Math.min(PROFILED_PROMPT_MAX, settings.maxSequenceLength() - PROFILED_STEPS - 1));
    }

    /**
     * What the runtime's own profiler says about one generation on {@code modelFolder} ({@link #profiledPrompt}
     * tokens, then {@link #PROFILED_STEPS} steps), run apart from every timed shot (profiling slows what it
     * watches): where the work ran ({@code ep_node_assignment}) and where a step's time went by operator type
     * ({@code prefill_op_share}, {@code decode_op_share}). Empty where the runtime has no profiler the suite reads.
     * {@code workDir} takes the runtime's trace files.
     */
    default Map<String, String> executionProfile(Path modelFolder, SessionSettings settings, Path workDir) {
        return Map.of();
    }

    /** Execution providers / devices the runtime reports here, for results ("CPUExecutionProvider/CPU"). */
    List<String> providers();

    /** Whether {@code device} x {@code precision} can run here, checked without loading a model. */
    Availability availability(Device device, Precision precision);

    /** Opens a model folder of {@link #modelFormat()} for generation. */
    GenerationSession open(Path modelFolder, SessionSettings settings);
}
