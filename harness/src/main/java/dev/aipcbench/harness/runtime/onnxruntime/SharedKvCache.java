package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;

/**
 * onnxruntime-genai's {@code past_present_share_buffer}: one buffer of capacity {@code maxLength} per
 * layer and per K/V is both the past input and the (pinned) present output, so GroupQueryAttention
 * appends the new positions in place and nothing is copied or allocated per token. The attention
 * mask's length tells the operator how much of the buffer is valid, so truncation is free.
 */
final class SharedKvCache implements KvCache {
    private final KvLayout layout;
    private final int capacity;
    private final OnnxTensor[] keys;
    private final OnnxTensor[] values;

    SharedKvCache(OrtEnvironment env, KvLayout layout, int capacity, Map<String, OnnxTensor> inputs,
                  Map<String, OnnxValue> pinned) throws OrtException {
        this.layout = layout;
        this.capacity = capacity;
        keys = new OnnxTensor[layout.layers];
        values = new OnnxTensor[layout.layers];
        long bytes = (long) layout.kvHeads * capacity * layout.headSize * layout.elementBytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("KV cache of one layer would need " + bytes
                    + " bytes; lower the max sequence length (" + capacity + ")");
        }
        for (int i = 0; i < layout.layers; i++) {
            keys[i] = tensor(env, (int) bytes);
            values[i] = tensor(env, (int) bytes);
            inputs.put(layout.pastKeys[i], keys[i]);
            inputs.put(layout.pastValues[i], values[i]);
            pinned.put(layout.presentKeys[i], keys[i]);
            pinned.put(layout.presentValues[i], values[i]);
        }
    }

    private OnnxTensor tensor(OrtEnvironment env, int bytes) throws OrtException {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        return OnnxTensor.createTensor(env, b, layout.shape(capacity), layout.type);
    }

    @Override
    public Set<String> requestedOutputs() {
        return Set.of();
    }

    @Override
    public void afterRun(OrtSession.Result result) {
        // The operator wrote the new positions into the shared buffers; nothing to move.
    }

    @Override
    public void truncate(int length) {
        // Positions beyond the attention mask's length are ignored and overwritten by later steps.
    }

    @Override
    public String describe() {
        return "shared-buffer(" + capacity + ")";
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            keys[i].close();
            values[i].close();
        }
    }
}
