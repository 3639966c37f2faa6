package dev.aipcbench.harness.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The on-disk model formats the runtimes read. The synthetic generator writes the same seeded weights in
 * each format it has a writer for ({@link dev.aipcbench.harness.model.catalog.SyntheticModels}),
 * so every runtime measures the same work.
 */
public enum ModelFormat {
    /** onnxruntime-genai's folder: genai_config.json, model.onnx + external data, tokenizer.json. */
    ONNX_GENAI("onnx-genai"),
    /** OpenVINO IR as optimum-intel exports it: openvino_model.xml/.bin (stateful), tokenizer IRs, configs. */
    OPENVINO_IR("openvino-ir"),
    /** One GGUF v3 file (arch phi3), for llama.cpp. */
    GGUF("gguf"),
    /** A Hugging Face causal-LM checkpoint (config.json, safetensors), for the NPU Acceleration Library. */
    HF_TRANSFORMERS("hf-transformers");

    private final String id;

    ModelFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line, in profiles ({@code model.folders.<id>}) and in results. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parses a format id or fails naming the accepted values. */
    public static ModelFormat parse(String text) {
        for (ModelFormat f : values()) {
            if (f.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model format '" + text + "': expected one of "
                + Arrays.stream(values()).map(ModelFormat::id).collect(Collectors.joining(", ")));
    }
}
