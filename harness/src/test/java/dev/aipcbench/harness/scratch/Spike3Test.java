package dev.aipcbench.harness.scratch;

import dev.aipcbench.harness.model.*;
import dev.aipcbench.harness.model.synthetic.*;
import dev.aipcbench.harness.runtime.*;
import dev.aipcbench.harness.runtime.onnxruntime.*;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class Spike3Test {
    @Test
    void spike() throws Exception {
        int[][] cfgs = {{256,2,8,512},{512,4,8,1536},{768,4,12,2048},{1024,4,16,2816}};
        for (int[] c : cfgs) {
            ModelDimensions d = new ModelDimensions(c[0], c[1], c[2], c[2], c[0]/c[2], c[3], 32064, 4096, 10000, 1e-5);
            Path out = Path.of("/tmp/dims-" + c[0]);
            long t0 = System.nanoTime();
            SyntheticModelGenerator.generate(SyntheticModelGenerator.Spec.of(null, d, Precision.INT4, 1), out, Progress.NONE);
            long gen = System.nanoTime() - t0;
            try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(out), SessionSettings.cpu().withMaxSequenceLength(300))) {
                TokenTimeline tl = new TokenTimeline(128);
                int[] prompt = new int[64]; for (int i = 0; i < 64; i++) prompt[i] = 100 + i * 7;
                for (int rep = 0; rep < 30; rep++) s.generate(prompt, 128, tl);
                System.out.printf("%s params %.1fM gen %.0f ms ttft %.3f tpot %.3f ms overhead/step %.2f us (%.2f%%)%n", Arrays.toString(c), d.parameterCount()/1e6, gen/1e6, tl.ttftNanos()/1e6, tl.tpotNanos()/1e6, tl.decodeOverheadNanos()/127.0/1e3, 100.0*tl.decodeOverheadNanos()/127.0/tl.tpotNanos());
            }
        }
    }
}
