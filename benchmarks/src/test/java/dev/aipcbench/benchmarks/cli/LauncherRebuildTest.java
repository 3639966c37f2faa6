package dev.aipcbench.benchmarks.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher never runs a stale jar: on a copy of this checkout, run-bench.sh builds on its first run, runs
 * the jar as it is when nothing changed, and rebuilds, saying which file changed, after a source is edited;
 * and it names non-ASCII paths whatever the caller's locale.
 * Real Maven builds the copy, from the local repository this build has filled.
 */
class LauncherRebuildTest {
    private static final Path CHECKOUT = Path.of(System.getProperty("aipcbench.checkout", "..")).toAbsolutePath().normalize();

    private record Run(int exit, String output) {
    }

    private static Run launch(Path home, String... args) throws IOException, InterruptedException {
        return launch(home, false, args);
    }

    /** Runs the launcher; {@code cLocale} runs it as a caller with LANG=C would. */
    private static Run launch(Path home, boolean cLocale, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("run-bench.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        if (cLocale) {
            pb.environment().put("LANG", "C");
            pb.environment().put("LC_ALL", "C");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the launcher finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** The checkout's sources as git sees them (tracked and untracked, not ignored), without build output. */
    private static void copyCheckout(Path to) throws IOException, InterruptedException {
        Process ls = new ProcessBuilder("git", "-C", CHECKOUT.toString(), "ls-files", "-co", "--exclude-standard").start();
        String files = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ls.waitFor(), "git ls-files in " + CHECKOUT);
        for (String f : files.split("\n")) {
            Path src = CHECKOUT.resolve(f);
            if (f.isBlank() || !Files.isRegularFile(src)) {
                continue;
            }
            Path dst = to.resolve(f);
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst);
        }
    }

    @Test
    void theLauncherBuildsOnceAndRebuildsAfterASourceChanges(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("checkout");
        copyCheckout(home);

        Run first = launch(home, "--version");
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("run-bench: building the jar: no jar yet (first run)"), first.output());
        assertTrue(first.output().contains("Building aipc-bench harness"), "one line per module as it builds:\n" + first.output());
        assertTrue(first.output().contains("aipc-bench 0.1.0-SNAPSHOT"), first.output());

        Run unchanged = launch(home, "--version");
        assertEquals(0, unchanged.exit(), unchanged.output());
        assertFalse(unchanged.output().contains("building the jar"), "nothing changed, nothing is built:\n" + unchanged.output());

        Path source = home.resolve("harness/src/main/java/dev/aipcbench/harness/model/Precision.java");
        Files.writeString(source, Files.readString(source) + "\n// edited after the build\n");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        Run edited = launch(home, "--version");
        assertEquals(0, edited.exit(), edited.output());
        assertTrue(edited.output().contains("run-bench: building the jar: harness/src/main/java/dev/aipcbench/harness/model/Precision.java"
                + " changed since the jar was built"), edited.output());
        List<String> lines = edited.output().lines().toList();
        assertTrue(lines.indexOf("[INFO] BUILD SUCCESS") >= 0 && lines.get(lines.size() - 1).startsWith("aipc-bench 0.1.0-SNAPSHOT"),
                "the build comes before the run:\n" + edited.output());

        // Under LANG=C a JVM cannot even name a non-ASCII path; the launcher runs it in a UTF-8 locale.
        Path unicode = tmp.resolve("dir with spaces \u00fcn\u00efc\u00f6d\u00e9");
        Run generated = launch(home, true, "model", "generate", "--size", "tiny", "--out", unicode.toString());
        assertEquals(0, generated.exit(), generated.output());
        assertTrue(Files.isRegularFile(unicode.resolve("genai_config.json")), generated.output());
    }
}
