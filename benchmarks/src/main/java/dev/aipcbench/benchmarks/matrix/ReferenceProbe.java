package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.AgreementProbe;
import dev.aipcbench.benchmarks.jmh.CellSpec;
import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Path log = Files.createTempFile("aipc-bench-reference", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of("-Xss16m", "-Xmx2g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    ReferenceProbe.class.getName(), model.toAbsolutePath().toString(), logits.toAbsolutePath().toString(), out.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
                throw new IOException("the reference probe did not finish in " + TIMEOUT_MINUTES + " min");
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw new IOException("the reference probe failed (exit " + p.exitValue() + "): "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
            }
            return CellSpec.JSON.readValue(out.toFile(), ForkRecord.Probe.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the reference probe ran");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
        }
    }
}
