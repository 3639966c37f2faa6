package dev.aipcbench.harness.model.gguf;

import dev.aipcbench.harness.model.catalog.SyntheticModels;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic model in the gguf format: one {@code model.gguf} beside the manifest, its size what its
 * tensors need, progress reported to the end; and one-line errors for what GGUF or llama.cpp's phi3 cannot
 * hold. (That llama.cpp loads it and computes the ONNX model's tokens is LlamaCppAgreementTest's.)
 */
class GgufSyntheticModelTest {
    @TempDir
    Path tmp;

    private static SyntheticSpec spec(ModelDimensions d, Precision p, int blockSize) {
        SyntheticSpec defaults = SyntheticSpec.of(ModelFormat.GGUF, null, d, p, 42);
        return new SyntheticSpec("phi3", ModelFormat.GGUF, null, d, p, blockSize, defaults.accuracyLevel(), 42);
    }

    @Test
    void theFolderHoldsOneGgufFileOfTheTensorsSizeAndTheManifest() throws IOException {
        ModelDimensions d = ModelDimensions.tiny();
        SyntheticSpec spec = SyntheticSpec.of(ModelFormat.GGUF, "tiny", d, Precision.INT4, 42);
        assertEquals("phi3-tiny-int4-g32-seed42-gguf", spec.cacheKey());
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        SyntheticModels.generate(spec, tmp, (n, of) -> {
            done.set(n);
            total.set(of);
        });
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(ModelManifest.FILE_NAME, "model.gguf"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals(total.get(), done.get());
        // Q4_0 projections and LM head (18 bytes per 32 weights), F32 embedding and norms
        long q4 = (long) d.hidden() * (d.qkvWidth() + d.hidden() + 2L * d.intermediate()) + (long) d.intermediate() * d.hidden();
        long expectedData = q4 * d.layers() / 32 * 18 + (long) d.hidden() * d.vocab() / 32 * 18
                + 4L * d.hidden() * d.vocab() + 4L * d.hidden() * (2L * d.layers() + 1);
        long size = Files.size(tmp.resolve("model.gguf"));
        assertTrue(size > expectedData && size < expectedData + 2_000_000, size + " bytes for " + expectedData + " of tensor data");
        try (FileChannel f = FileChannel.open(tmp.resolve("model.gguf"))) {
            ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            f.read(head, 0);
            assertEquals(0x46554747, head.getInt(0), "GGUF magic");
            assertEquals(3, head.getInt(4), "version");
            assertEquals(3 + 6L * d.layers(), head.getLong(8), "tensors");
        }
        assertEquals("gguf", ModelManifest.read(tmp).orElseThrow().format());
    }

    @Test
    void whatGgufOrLlamaCppsPhi3CannotHoldIsAOneLineError() {
        ModelDimensions tiny = ModelDimensions.tiny();
        IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
                () -> SyntheticModels.generate(spec(tiny, Precision.INT4, 64), tmp, Progress.NONE));
        assertEquals("--block-size 64: gguf Q8_0 and Q4_0 blocks are 32 values", block.getMessage());
        ModelDimensions narrowHeads = new ModelDimensions(256, 2, 4, 4, 32, 512, 32064, 4096, 10000.0, 1e-5);
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> SyntheticModels.generate(spec(narrowHeads, Precision.FP32, 32), tmp, Progress.NONE));
        assertEquals("gguf phi3 needs --heads x --head-size (128) = --hidden (256): llama.cpp's phi3 projects attention"
                + " back to the hidden size", heads.getMessage());
        ModelDimensions odd = new ModelDimensions(264, 2, 12, 12, 22, 512, 32064, 4096, 10000.0, 1e-5);
        IllegalArgumentException blocks = assertThrows(IllegalArgumentException.class,
                () -> SyntheticModels.generate(spec(odd, Precision.INT8, 32), tmp, Progress.NONE));
        assertEquals("gguf Q8_0 needs --hidden and --intermediate multiples of 32 (its block), got 264 and 512", blocks.getMessage());
    }
}
