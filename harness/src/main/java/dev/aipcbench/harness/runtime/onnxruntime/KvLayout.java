package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OnnxJavaType;
import dev.aipcbench.harness.model.onnx.GenaiConfig;

/**
 * Names, shape and element type of the KV tensors, taken from genai_config.json and the model. The
 * per-layer names are formatted once here, not per step.
 */
final class KvLayout {
    final int layers;
    final int kvHeads;
    final int headSize;
    final OnnxJavaType type;
    final String[] pastKeys;
    final String[] pastValues;
    final String[] presentKeys;
    final String[] presentValues;

    KvLayout(GenaiConfig.Decoder decoder, OnnxJavaType type) {
        this.layers = decoder.numHiddenLayers();
        this.kvHeads = decoder.numKeyValueHeads();
        this.headSize = decoder.headSize();
        this.type = type;
        pastKeys = new String[layers];
        pastValues = new String[layers];
        presentKeys = new String[layers];
        presentValues = new String[layers];
        for (int i = 0; i < layers; i++) {
            pastKeys[i] = decoder.pastKey(i);
            pastValues[i] = decoder.pastValue(i);
            presentKeys[i] = decoder.presentKey(i);
            presentValues[i] = decoder.presentValue(i);
        }
    }

    boolean half() {
        return type == OnnxJavaType.FLOAT16;
    }

    int elementBytes() {
        return half() ? 2 : 4;
    }

    long[] shape(int length) {
        return new long[] {1, kvHeads, length, headSize};
    }
}
