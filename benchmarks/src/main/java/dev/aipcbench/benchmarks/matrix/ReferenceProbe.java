package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.AgreementProbe;
import dev.aipcbench.benchmarks.jmh.CellSpec;
import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.harness.process.BoundedCommand;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * The agreement reference of a run whose plan has no ONNX Runtime fp32 generate cell: the agreement probe
 * on the synthetic model at fp32, through the suite's ONNX Runtime loop, in a process of its own (the host
 * never runs inference: a native crash must not take the run down), like a fork.
 */
public final class ReferenceProbe {
    private static final long TIMEOUT_MINUTES = 10;

    private ReferenceProbe() {
    }

    /** The probe's process: {@code ReferenceProbe MODEL_FOLDER LOGITS_FILE OUT_JSON}. */
    public static void main(String[] args) throws IOException {
        try (GenerationSession s = new OrtRuntime().open(Path.of(args[0]), SessionSettings.cpu()
                .withMaxSequenceLength(AgreementProbe.capacity()))) {
            ForkRecord.Probe probe = AgreementProbe.run(s, Path.of(args[1]), Path.of(args[1]).getFileName().toString());
            Files.writeString(Path.of(args[2]), CellSpec.JSON.writeValueAsString(probe));
        }
    }

    /**
     * Runs the probe on {@code model} in a child JVM; the logits go to {@code logits}. Returns the probe, or
     * throws with the child's last words.
     */
    static ForkRecord.Probe runApart(Path model, Path logits) throws IOException {
        Files.createDirectories(logits.getParent());
        Path out = Files.createTempFile("aipc-bench-reference", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of("-Xss16m", "-Xmx2g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    ReferenceProbe.class.getName(), model.toAbsolutePath().toString(), logits.toAbsolutePath().toString(), out.toString()));
            BoundedCommand.Result r = BoundedCommand.run(command, Duration.ofMinutes(TIMEOUT_MINUTES));
            if (!r.ok()) {
                throw new IOException("the reference probe failed (" + (r.timedOut() ? "timed out" : "exit " + r.exit()) + "): " + r.lastLine());
            }
            return CellSpec.JSON.readValue(out.toFile(), ForkRecord.Probe.class);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
