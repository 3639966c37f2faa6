package dev.aipcbench.harness.scratch;

import ai.onnxruntime.*;
import dev.aipcbench.harness.model.*;
import dev.aipcbench.harness.model.synthetic.*;
import org.junit.jupiter.api.Test;
import java.nio.*;
import java.nio.file.*;
import java.util.*;

class SpikeTest {
    @Test
    void spike() throws Exception {
        for (Precision p : Precision.values()) {
            Path out = Path.of("/tmp/spike-" + p.id());
            long t0 = System.nanoTime();
            SyntheticModelGenerator.generate(SyntheticModelGenerator.Spec.of("tiny", ModelDimensions.tiny(), p, 42), out, Progress.NONE);
            System.out.println(p + " generated in " + (System.nanoTime() - t0) / 1e6 + " ms");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
                so.setIntraOpNumThreads(2);
                try (OrtSession s = env.createSession(out.resolve("model.onnx").toString(), so)) {
                    System.out.println(s.getInputInfo().keySet());
                    int P = 5;
                    long[] ids = {1, 100, 200, 300, 400};
                    long[] mask = {1, 1, 1, 1, 1};
                    Map<String, OnnxTensor> in = new HashMap<>();
                    in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[]{1, P}));
                    in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[]{1, P}));
                    for (int i = 0; i < 2; i++) {
                        for (String kv : new String[]{"key", "value"}) {
                            if (p == Precision.FP16)
                                in.put("past_key_values." + i + "." + kv, OnnxTensor.createTensor(env, ShortBuffer.allocate(0), new long[]{1, 8, 0, 32}, OnnxJavaType.FLOAT16));
                            else
                                in.put("past_key_values." + i + "." + kv, OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[]{1, 8, 0, 32}));
                        }
                    }
                    try (OrtSession.Result r = s.run(in)) {
                        OnnxTensor logits = (OnnxTensor) r.get("logits").get();
                        System.out.println(p + " logits shape " + Arrays.toString(logits.getInfo().getShape()));
                        FloatBuffer fb = p == Precision.FP16 ? ai.onnxruntime.platform.Fp16Conversions.convertFp16BufferToFloatBuffer(logits.getShortBuffer()) : logits.getFloatBuffer(); float[] l = new float[fb.remaining()]; fb.get(l);
                        int V = 32064;
                        Phi3Weights w = new Phi3Weights(ModelDimensions.tiny(), 42);
                        for (int pos = 0; pos < P; pos++) {
                            int best = 0; for (int j = 1; j < V; j++) if (l[pos * V + j] > l[pos * V + best]) best = j;
                            System.out.println("pos " + pos + " argmax " + best + " (" + l[pos*V+best] + ") successor " + w.successor((int) ids[pos]) + " logit[1]=" + l[pos*V+1]);
                        }
                    }
                }
            }
        }
    }
}
