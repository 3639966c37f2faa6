package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fake libllama (fake_llama.c): building its variants, its model files, what it remembers of the
 * calls it received, and the toy model's rule for the token it predicts.
 */
final class FakeLlama {
    static final int VOCAB = 512;
    static final int CONTEXT_TRAIN = 2048;

    /** Read-back functions of the fake. */
    interface Probe extends Library {
        int fake_last_n_gpu_layers();

        int fake_last_split_mode();

        int fake_last_main_gpu();

        int fake_last_threads();
    }

    private FakeLlama() {
    }

    /** Builds a variant ({@code FAKE_OLD_API}, {@code FAKE_GPU} ...) into {@code folder}. */
    static Path build(Path folder, String... defines) {
        return NativeCompiler.sharedLibrary(FakeLlama.class, "fake_llama.c", folder, LlamaCppRuntime.LIBRARY_NAME, defines);
    }

    static Probe probe(Path library) {
        return Native.load(library.toString(), Probe.class, NativeLibraryLookup.OPTIONS);
    }

    /** A "GGUF" file the fake loads: the magic, then the toy model's shape. */
    static Path model(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ("GGUF vocab=" + VOCAB + " layers=3 ctx=" + CONTEXT_TRAIN).getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    /** The toy model's greedy token after {@code last} at {@code position}. */
    static int next(int last, int position) {
        return (int) (((long) last * 31 + (long) position * 7 + 7) % VOCAB);
    }

    /** The tokens the toy model generates greedily after {@code prompt}. */
    static int[] expected(int[] prompt, int count) {
        int[] out = new int[count];
        int last = prompt[prompt.length - 1];
        for (int i = 0; i < count; i++) {
            last = next(last, prompt.length - 1 + i);
            out[i] = last;
        }
        return out;
    }
}
