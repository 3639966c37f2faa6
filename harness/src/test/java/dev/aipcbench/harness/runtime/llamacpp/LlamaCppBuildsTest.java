package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which libllama the runtime picks, on the real builds: the order of {@link LlamaCppBuilds} and the built-in extraction. */
class LlamaCppBuildsTest {
    @TempDir
    Path tmp;

    private static List<String> sources(List<LlamaCppBuilds.Candidate> candidates) {
        return candidates.stream().map(LlamaCppBuilds.Candidate::source).collect(Collectors.toList());
    }

    @Test
    void withNothingSetTheNpmPrebuiltComesFirstThenTheSystemThenTheBuiltInBuild() {
        List<LlamaCppBuilds.Candidate> candidates = LlamaCppBuilds.candidates(RuntimeEnvironment.current(), null);
        assertEquals(List.of("the runtime environment's npm prebuilt", "the library paths and the system loader", "built-in"),
                sources(candidates));
        LlamaApi api = LlamaApi.load(candidates);
        assertEquals(RealLlamaBuilds.npm().toAbsolutePath().toString(), api.location());
        String version = api.buildVersion();
        assertTrue(version.matches(java.util.regex.Pattern.quote(LlamaCppBuilds.npmPackageName().orElseThrow()) + " \\d+\\.\\d+\\.\\d+"),
                version);
    }

    @Test
    void onAFreshMachineTheBuiltInBuildIsExtractedOnceAndRuns() throws Exception {
        RuntimeEnvironment fresh = new RuntimeEnvironment(tmp.resolve("runtimes"));
        List<LlamaCppBuilds.Candidate> candidates = LlamaCppBuilds.candidates(fresh, null);
        assertEquals(List.of("the library paths and the system loader", "built-in"), sources(candidates));
        LlamaApi api = LlamaApi.load(candidates);
        assertEquals("built-in", api.source());
        assertEquals("de.kherud:llama 4.2.0", api.buildVersion());
        Path extracted = Path.of(api.location());
        assertEquals(fresh.extracted().resolve("de.kherud-llama-4.2.0").resolve(LlamaCppBuilds.platform()), extracted.getParent());
        assertEquals("linked in", api.backends());

        FileTime written = Files.getLastModifiedTime(extracted);
        long size = Files.size(extracted);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                again.add(pool.submit((Callable<Path>) () -> BuiltInLlama.library(fresh)));
            }
            for (Future<Path> f : again) {
                assertEquals(extracted, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(written, Files.getLastModifiedTime(extracted), "extracted again");
        assertEquals(size, Files.size(extracted));
        try (var files = Files.list(extracted.getParent())) {
            assertEquals(List.of(".lock", extracted.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()), "no partial file left");
        }
    }

    @Test
    void anExplicitSettingIsTheOnlyCandidateAndMayNameAFolder() {
        Path npmFolder = RealLlamaBuilds.npm().getParent();
        List<LlamaCppBuilds.Candidate> candidates = LlamaCppBuilds.candidates(RuntimeEnvironment.current(),
                new String[] {npmFolder.toString(), "environment variable LLAMA_CPP_LIBRARY"});
        assertEquals(List.of("environment variable LLAMA_CPP_LIBRARY"), sources(candidates));
        // the folder of a release or an npm prebuilt: its versioned libllama (libllama.v0.4.0.so), not libllama-common
        LlamaApi api = LlamaApi.load(candidates);
        assertEquals(RealLlamaBuilds.npm().toAbsolutePath().toString(), api.location());
        assertTrue(api.buildVersion().startsWith(LlamaCppBuilds.npmPackageName().orElseThrow() + " "), "read from its package.json");

        List<LlamaCppBuilds.Candidate> nowhere = LlamaCppBuilds.candidates(RuntimeEnvironment.current(),
                new String[] {tmp.resolve("nowhere").toString(), "-Daipcbench.llamacpp.library"});
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> LlamaApi.load(nowhere));
        assertEquals("runtime library not installed: llama (libllama.so) not found at " + tmp.resolve("nowhere")
                + " (from -Daipcbench.llamacpp.library)", e.getMessage());
    }

    @Test
    void aPreferredBuildThatIsPresentButUnusableIsPassedOverNamingWhy() {
        Path ggmlBase = RealLlamaBuilds.npm().resolveSibling(System.mapLibraryName("ggml-base"));
        LlamaApi api = LlamaApi.load(List.of(LlamaCppBuilds.at(tmp.resolve("absent")), LlamaCppBuilds.at(ggmlBase),
                LlamaCppBuilds.at(RealLlamaBuilds.builtIn())));
        assertEquals(RealLlamaBuilds.builtIn().toAbsolutePath().toString(), api.location());
        assertEquals(List.of("the path given to the runtime: runtime library incompatible: " + ggmlBase
                + " lacks [llama_backend_init, llama_model_default_params, llama_context_default_params, llama_free, llama_n_ctx,"
                + " llama_n_batch, llama_n_ubatch, llama_batch_get_one, llama_decode, llama_get_logits_ith]"
                + " (needs llama.cpp with n_ubatch (March 2024 or newer))"), api.passedOver(), "absent ones are not listed");
    }

    /**
     * The failure this issue started from, in a fresh JVM (where no other copy of ggml is loaded yet): the
     * npm prebuilt's libllama without the {@code libggml-cpu-*} files it loads its CPU backend from.
     */
    @Test
    void aBuildThatLoadsNoBackendIsRefusedWithTheReason() throws Exception {
        Path alone = Files.createDirectories(tmp.resolve("alone"));
        Path npmFolder = RealLlamaBuilds.npm().getParent();
        try (var files = Files.list(npmFolder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().startsWith("libggml-cpu-")) {
                    Files.copy(f, alone.resolve(f.getFileName()));
                }
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoBackendsProbe.class.getName(), alone.toString())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("runtime library not usable: the llama.cpp at " + alone
                + " loads its ggml backends dynamically and none loaded (loaded from " + alone), out);
    }

    /**
     * OpenVINO, then both llama.cpp builds, in one fresh JVM (test order in the shared test JVM decides
     * otherwise, and CI's order crashed where this machine's did not): every build loads and names its
     * backends (linked in, loaded from the prebuilt's folder).
     */
    @Test
    void bothBuildsLoadInAProcessThatAlreadyHoldsOpenVino() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AfterOpenVinoProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("openvino ") || l.startsWith(RealLlamaBuilds.BUILT_IN + " ")
                || l.startsWith(RealLlamaBuilds.NPM + " ")).toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).contains("CPU"), out);
        assertEquals(RealLlamaBuilds.BUILT_IN + " linked in", lines.get(1), out);
        assertTrue(lines.get(2).startsWith(RealLlamaBuilds.NPM + " loaded from "), out);
    }
}
