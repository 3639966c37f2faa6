package dev.aipcbench.benchmarks.matrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run per results folder, from its first instant: the run holds an exclusive lock on the folder's
 * {@code .lock} file while it writes, and the file names the holder, so a second run (or a {@code --resume})
 * on the same folder is refused at once, saying who holds it, before it writes anything. The OS drops the
 * lock when the process dies, so a killed run leaves a folder that {@code --resume} can take.
 */
final class ResultsFolderLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ResultsFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and takes its lock.
     *
     * @throws IllegalArgumentException (a usage error) naming the folder and the holder when it is in use, a file,
     *                                  or not writable
     */
    static ResultsFolderLock acquire(Path folder, String flag) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(flag + " " + folder + " is a file, expected a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileSystemException e) {
            throw new IllegalArgumentException(flag + " " + folder + ": cannot create the folder (" + reason(e) + ")");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(flag + " " + folder + " is not writable");
        }
        Path file = folder.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(flag + " " + folder + " is not writable (" + file + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process runs on the folder already (two commands in one JVM)
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalArgumentException(flag + " " + folder + " is in use by another run (" + (holder.isEmpty() ? "holder unknown" : holder)
                    + "); wait for it to end, or choose another folder");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now()
                + ProcessHandle.current().info().commandLine().map(c -> ", " + abbreviate(c)).orElse("")).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new ResultsFolderLock(channel, lock);
    }

    /**
     * Refuses a folder another run holds, without taking it: what {@code --resume} checks before it reads the
     * folder's results, so a resume started while the first run is still probing the host (no results.json yet)
     * says who holds the folder rather than that it holds no run.
     */
    static void refuseIfInUse(Path folder, String flag) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                throw new IllegalArgumentException(flag + " " + folder + " is in use by another run (" + (holder.isEmpty() ? "holder unknown" : holder)
                        + "); wait for it to end, or choose another folder");
            }
            probe.release();
        } catch (AccessDeniedException e) {
            // not ours to lock: acquire() names the folder as not writable
        }
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileAlreadyExistsException ? "a file is in the way: " + e.getFile() : e.getReason() == null ? e.toString() : e.getReason();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
