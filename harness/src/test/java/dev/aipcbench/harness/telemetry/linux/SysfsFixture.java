package dev.aipcbench.harness.telemetry.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

/** A /sys and /proc tree written by a test under a temporary root, as the kernel lays them out. */
final class SysfsFixture {
    final Path root;
    final AtomicInteger reads = new AtomicInteger();

    SysfsFixture(Path root) {
        this.root = root;
    }

    /** A tree that reads through the real file system, counting reads. */
    SysfsTree tree() {
        return new SysfsTree(root, file -> {
            reads.incrementAndGet();
            return SysfsTree.ContentReader.DIRECT.read(file);
        });
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** Writes a file (folders created), content followed by a newline as sysfs prints it. */
    SysfsFixture file(String absolute, Object content) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SysfsFixture dir(String absolute) {
        try {
            Files.createDirectories(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A symbolic link whose target is used as written (e.g. "/dev/dri/renderD128", or a path under the root). */
    SysfsFixture link(String absolute, String target) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, target.startsWith("/dev/") ? Path.of(target) : path(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A tree in which {@code absolute} cannot be read: its mode is set to 000, and where this process
     * can read it all the same (root can), the tree's reader refuses it as the kernel refuses other users.
     */
    SysfsTree treeDenying(String absolute) throws IOException {
        Path denied = path(absolute);
        Files.setPosixFilePermissions(denied, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(denied)) {
            return new SysfsTree(root); // an unprivileged user: the real "permission denied"
        }
        return new SysfsTree(root, file -> {
            if (file.equals(denied)) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsTree.ContentReader.DIRECT.read(file);
        });
    }
}
