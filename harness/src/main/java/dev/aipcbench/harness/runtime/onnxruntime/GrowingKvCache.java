package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The plain KV cache for models without a shared buffer (attention operators other than
 * GroupQueryAttention, or {@code past_present_share_buffer: false}): each step's present outputs,
 * allocated by ONNX Runtime, become the next step's past inputs; a step's result stays open until the
 * next step has consumed them.
 */
final class GrowingKvCache implements KvCache {
    private final OrtEnvironment env;
    private final KvLayout layout;
    private final Map<String, OnnxTensor> inputs;
    /** Past tensors the cache made itself (empty, or truncated copies); null once results took over. */
    private final OnnxTensor[] owned;
    private final Set<String> presentNames = new LinkedHashSet<>();
    private OrtSession.Result held;
    private int length;

    GrowingKvCache(OrtEnvironment env, KvLayout layout, Map<String, OnnxTensor> inputs) throws OrtException {
        this.env = env;
        this.layout = layout;
        this.inputs = inputs;
        this.owned = new OnnxTensor[2 * layout.layers];
        for (int i = 0; i < layout.layers; i++) {
            presentNames.add(layout.presentKeys[i]);
            presentNames.add(layout.presentValues[i]);
        }
        OnnxTensor[] empty = new OnnxTensor[owned.length];
        for (int i = 0; i < empty.length; i++) {
            empty[i] = OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), layout.shape(0), layout.type);
        }
        adopt(empty, 0);
    }

    /** Makes {@code tensors} (keys and values interleaved per layer) the cache's own past. */
    private void adopt(OnnxTensor[] tensors, int newLength) {
        releaseHeld();
        closeOwned();
        for (int i = 0; i < layout.layers; i++) {
            owned[2 * i] = tensors[2 * i];
            owned[2 * i + 1] = tensors[2 * i + 1];
            inputs.put(layout.pastKeys[i], tensors[2 * i]);
            inputs.put(layout.pastValues[i], tensors[2 * i + 1]);
        }
        length = newLength;
    }

    @Override
    public Set<String> requestedOutputs() {
        return presentNames;
    }

    @Override
    public void afterRun(OrtSession.Result result) {
        for (int i = 0; i < layout.layers; i++) {
            inputs.put(layout.pastKeys[i], (OnnxTensor) result.get(layout.presentKeys[i]).orElseThrow());
            inputs.put(layout.pastValues[i], (OnnxTensor) result.get(layout.presentValues[i]).orElseThrow());
        }
        length = (int) inputs.get(layout.pastKeys[0]).getInfo().getShape()[2];
        // The previous step's presents were this step's pasts: only now may they be released.
        releaseHeld();
        closeOwned();
        held = result;
    }

    @Override
    public void truncate(int newLength) {
        if (newLength == length) {
            return;
        }
        if (newLength > length) {
            throw new IllegalArgumentException("cannot extend the KV cache from " + length + " to " + newLength);
        }
        try {
            // Copy the first positions of every head into tensors of our own (setup work, never timed).
            OnnxTensor[] copies = new OnnxTensor[owned.length];
            for (int i = 0; i < layout.layers; i++) {
                copies[2 * i] = prefix(inputs.get(layout.pastKeys[i]), newLength);
                copies[2 * i + 1] = prefix(inputs.get(layout.pastValues[i]), newLength);
            }
            adopt(copies, newLength);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot truncate the KV cache: " + e.getMessage(), e);
        }
    }

    private OnnxTensor prefix(OnnxTensor t, int newLength) throws OrtException {
        int rowBytes = layout.headSize * layout.elementBytes();
        ByteBuffer dst = ByteBuffer.allocateDirect(Math.max(1, layout.kvHeads * newLength * rowBytes)).order(ByteOrder.nativeOrder());
        if (newLength > 0) {
            ByteBuffer src = t.getByteBuffer().order(ByteOrder.nativeOrder());
            for (int h = 0; h < layout.kvHeads; h++) {
                dst.put(h * newLength * rowBytes, src, h * length * rowBytes, newLength * rowBytes);
            }
        }
        return OnnxTensor.createTensor(env, dst.limit(layout.kvHeads * newLength * rowBytes), layout.shape(newLength), layout.type);
    }

    private void releaseHeld() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    private void closeOwned() {
        for (int i = 0; i < owned.length; i++) {
            if (owned[i] != null) {
                owned[i].close();
                owned[i] = null;
            }
        }
    }

    @Override
    public String describe() {
        return "growing";
    }

    @Override
    public void close() {
        releaseHeld();
        closeOwned();
    }
}
