package dev.aipcbench.harness.runtime;

import dev.aipcbench.harness.model.probe.ProbeGraph;

import java.nio.file.Path;

/**
 * A runtime that runs a bare graph, not only an LLM through its pipeline: what the characterise workload needs
 * to measure a device through it (a matmul of the model's largest projection, an accelerator's read reduction).
 * Runtimes that only run whole generation pipelines (onnxruntime-genai, OpenVINO GenAI, llama.cpp) are not.
 */
public interface GraphRuntime {
    /**
     * Opens the probe graph in {@code folder} on the settings' device with its threads, its one input (if any)
     * filled with {@code rows} rows of small activations, ready to run.
     */
    BareGraph open(Path folder, ProbeGraph graph, SessionSettings settings, int rows);

    /** An opened probe graph. */
    interface BareGraph extends AutoCloseable {
        /** One run of the whole graph on its prepared input; its outputs are dropped. */
        void run();

        /** Where the runtime put it ({@code CPUExecutionProvider}, {@code CPU}, ...). */
        String provider();

        @Override
        void close();
    }
}
