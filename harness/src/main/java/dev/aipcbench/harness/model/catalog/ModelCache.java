package dev.aipcbench.harness.model.catalog;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Progress;


import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where generated models live: {@code $AIPC_BENCH_CACHE}, else {@code ~/.cache/aipc-bench/models}
 * (overridable per command with {@code --cache-dir}). A model is generated once into a temporary folder
 * and renamed into place, under a file lock, so concurrent runs (parallel JMH forks, two terminals)
 * never see a half-written model and never generate it twice.
 */
public final class ModelCache {
    public static final String ENV = "AIPC_BENCH_CACHE";

    private final Path root;

    public ModelCache(Path root) {
        this.root = root;
    }

    public static ModelCache defaultCache() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new ModelCache(Path.of(env));
        }
        return new ModelCache(Path.of(System.getProperty("user.home"), ".cache", "aipc-bench", "models"));
    }

    public Path root() {
        return root;
    }

    /** The folder of a synthetic model, generating it first if it is not cached yet. */
    public Path synthetic(SyntheticSpec spec, Progress progress) throws IOException {
        return cached(spec.cacheKey(), tmp -> SyntheticModels.generate(spec, tmp, progress));
    }

    /** Writes a cache entry into an empty folder; the entry is complete once its {@link ModelManifest} is written (last). */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    /**
     * The folder cached under {@code key}, written first by {@code writer} if it is not complete yet: into a
     * temporary folder renamed into place under the cache's lock.
     */
    public Path cached(String key, FolderWriter writer) throws IOException {
        Path target = root.resolve(key);
        if (isComplete(target)) {
            return target;
        }
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (isComplete(target)) {
                return target;
            }
            Path tmp = Files.createTempDirectory(root, ".generating-" + key + "-");
            try {
                writer.write(tmp);
                deleteRecursively(target);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
                readableByOthers(target);
            } finally {
                deleteRecursively(tmp);
            }
        }
        return target;
    }

    /** Temporary folders are created private (700); a cached model is as readable as any other file. */
    private static void readableByOthers(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The manifest is written last, so its presence marks a finished model. */
    private static boolean isComplete(Path folder) {
        return Files.isRegularFile(folder.resolve(ModelManifest.FILE_NAME));
    }

    /** Deletes a file or folder tree, if it exists. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
