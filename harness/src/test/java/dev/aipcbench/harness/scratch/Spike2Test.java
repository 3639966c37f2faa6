package dev.aipcbench.harness.scratch;

import dev.aipcbench.harness.model.*;
import dev.aipcbench.harness.runtime.*;
import dev.aipcbench.harness.runtime.onnxruntime.*;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class Spike2Test {
    @Test
    void spike() throws Exception {
        for (Precision p : Precision.values()) {
            ModelFolder mf = ModelFolder.open(Path.of("/tmp/spike-" + p.id()));
            try (OrtGenerationSession s = OrtGenerationSession.open(mf, SessionSettings.cpu().withMaxSequenceLength(200))) {
                System.out.println(s.info());
                TokenTimeline tl = new TokenTimeline(64);
                int[] prompt = new int[32]; for (int i = 0; i < 32; i++) prompt[i] = 100 + i * 7;
                for (int rep = 0; rep < 3; rep++) s.generate(prompt, 64, tl);
                System.out.println(p + " tokens " + Arrays.toString(Arrays.copyOf(tl.tokens(), 10)) + " ttft " + tl.ttftNanos()/1e6 + " tpot " + tl.tpotNanos()/1e6 + " overhead/step ns " + tl.decodeOverheadNanos()/63.0);
            }
        }
    }
}
