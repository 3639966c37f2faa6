package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Structure;

import java.nio.ByteBuffer;

/**
 * {@code struct llama_model_params}, by value, starting from {@code llama_model_default_params()}. Only
 * the offload fields are changed: {@code n_gpu_layers}, {@code split_mode} and {@code main_gpu}, three
 * consecutive {@code int32}s in every layout since split modes exist (January 2024). What comes before
 * them changed: nothing, then the {@code devices} pointer, then also {@code tensor_buft_overrides}. The
 * defaults tell which: those pointers are null and {@code split_mode} defaults to
 * {@code LLAMA_SPLIT_MODE_LAYER} (1), so {@code n_gpu_layers} is the first of offsets 0, 8, 16 preceded
 * only by zero bytes and followed by a 1.
 */
public class LlamaModelParams extends LlamaStruct implements Structure.ByValue {
    static final int SIZE = 512;
    private static final int SPLIT_MODE_NONE = 0;
    private static final int SPLIT_MODE_LAYER = 1;
    private static final int[] CANDIDATE_OFFSETS = {0, 8, 16};

    public LlamaModelParams() {
        super(SIZE);
    }

    /** Where {@code n_gpu_layers} is in these (default) params, or -1 when the layout is not one the suite knows. */
    int gpuLayersOffset() {
        ByteBuffer f = fields();
        for (int offset : CANDIDATE_OFFSETS) {
            boolean nullPointersBefore = true;
            for (int i = 0; i < offset; i++) {
                nullPointersBefore &= f.get(i) == 0;
            }
            if (nullPointersBefore && f.getInt(offset + 4) == SPLIT_MODE_LAYER) {
                return offset;
            }
        }
        return -1;
    }

    /**
     * Sets how many layers go to the GPU; with {@code mainGpu >= 0}, the whole model goes to that one GPU
     * ({@code LLAMA_SPLIT_MODE_NONE}), as a benchmark of one device wants.
     *
     * @throws IllegalStateException when the layout is not recognised
     */
    void offload(int gpuLayers, int mainGpu) {
        int offset = gpuLayersOffset();
        if (offset < 0) {
            throw new IllegalStateException("llama_model_default_params() has a layout the suite does not recognise"
                    + " (no n_gpu_layers/split_mode pair at offsets 0, 8 or 16): llama.cpp older than January 2024?");
        }
        ByteBuffer f = fields();
        f.putInt(offset, gpuLayers);
        if (mainGpu >= 0) {
            f.putInt(offset + 4, SPLIT_MODE_NONE);
            f.putInt(offset + 8, mainGpu);
        }
    }
}
