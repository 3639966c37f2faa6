package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Platform;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The built-in libllama: the native library inside Maven's {@code de.kherud:llama} jar (a dependency of
 * the suite), which exports llama.h's C API with ggml's CPU backend linked in, for Linux, Windows and
 * macOS on x64 and arm64. It is extracted once into the runtime environment
 * ({@code extracted/de.kherud-llama-<version>/<os>-<arch>/}) under a file lock, written aside and renamed
 * into place, so concurrent JMH forks neither extract it twice nor load half a file.
 */
final class BuiltInLlama {
    private static final String ARTIFACT = "de.kherud:llama";
    private static final String POM_PROPERTIES = "META-INF/maven/de.kherud/llama/pom.properties";

    private BuiltInLlama() {
    }

    /** {@code de.kherud:llama 4.2.0}, as the jar on the class path says. */
    static String version() {
        return ARTIFACT + " " + artifactVersion();
    }

    private static String artifactVersion() {
        try (InputStream in = BuiltInLlama.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The extracted library file, extracting it first if needed (synchronized: the file lock serialises
     * processes, and a JVM may hold it only once).
     *
     * @throws DeviceUnavailableException when the jar has no library for this OS and CPU, or it is not on the class path
     */
    static synchronized Path library(RuntimeEnvironment environment) {
        String resource = resource();
        if (BuiltInLlama.class.getClassLoader().getResource(resource) == null) {
            throw new DeviceUnavailableException("runtime library not installed: no built-in llama.cpp for " + LlamaCppBuilds.platform()
                    + " (" + ARTIFACT + " on the class path has no " + resource + ")");
        }
        Path folder = environment.extracted().resolve("de.kherud-llama-" + artifactVersion()).resolve(LlamaCppBuilds.platform());
        Path file = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(folder);
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.isRegularFile(file)) {
                    extract(resource, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the built-in llama.cpp into " + folder, e);
        }
        return file;
    }

    private static void extract(String resource, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            try (InputStream in = BuiltInLlama.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The jar's entry for this OS and CPU, e.g. {@code de/kherud/llama/Linux/x86_64/libjllama.so}. */
    private static String resource() {
        String os = Platform.isWindows() ? "Windows" : Platform.isMac() ? "Mac" : "Linux";
        String arch = Platform.is64Bit() && Platform.isARM() ? "aarch64" : Platform.isIntel() && Platform.is64Bit() ? "x86_64" : Platform.ARCH;
        String file = Platform.isWindows() ? "jllama.dll" : Platform.isMac() ? "libjllama.dylib" : "libjllama.so";
        return "de/kherud/llama/" + os + "/" + arch + "/" + file;
    }
}
