package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.nio.file.Path;

/**
 * What the fake onnxruntime-genai (fake_ort_genai.c) remembers of the calls it received, read back by the
 * tests through JNA, plus the toy model's rule for the token it predicts.
 */
interface FakeGenaiLibrary extends Library {
    String fake_last_provider();

    String fake_last_provider_option();

    String fake_last_overlay();

    double fake_search_number(String name);

    int fake_do_sample();

    long fake_forward_tokens();

    static FakeGenaiLibrary at(Path library) {
        return Native.load(library.toString(), FakeGenaiLibrary.class, NativeLibraryLookup.OPTIONS);
    }

    /** The toy model's greedy token after {@code last} at {@code position}. */
    static int next(int last, int position, int vocab) {
        return (int) (((long) last * 31 + (long) position * 7 + 7) % vocab);
    }
}
