package dev.aipcbench.harness.telemetry.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /sys} and {@code /proc} files the Linux sources read, under a root ("/" on a real machine,
 * a fixture folder in tests). Paths in messages are shown as the kernel names them
 * ({@code /sys/class/powercap/intel-rapl:0/energy_uj}), whatever the root.
 */
public final class SysfsTree {

    /** Reads a whole file; the real one lets the OS's "permission denied" through as {@link java.nio.file.AccessDeniedException}. */
    @FunctionalInterface
    public interface ContentReader {
        ContentReader DIRECT = file -> new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);

        String read(Path file) throws IOException;
    }

    private static final Pattern NUMBERED = Pattern.compile("(\\D*)(\\d+)(.*)");

    private final Path root;
    private final ContentReader reader;

    public SysfsTree(Path root) {
        this(root, ContentReader.DIRECT);
    }

    public SysfsTree(Path root, ContentReader reader) {
        this.root = root;
        this.reader = reader;
    }

    /** A path as the kernel names it ("/sys/class/drm"), under this tree's root. */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** How a path under the root is named in messages: as on a real machine. */
    public String show(Path p) {
        return "/" + root.relativize(p).toString().replace('\\', '/');
    }

    public boolean exists(Path p) {
        return Files.exists(p);
    }

    /** The file's content, surrounding whitespace removed. */
    public String read(Path file) throws IOException {
        return reader.read(file).strip();
    }

    /** The file's content as a decimal number (sysfs counters, frequencies, sizes). */
    public long readLong(Path file) throws IOException {
        String text = read(file);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(show(file) + ": not a number: '" + text + "'");
        }
    }

    /**
     * Entries of {@code dir} whose names pass {@code names}, in natural order (card2 before card10);
     * empty when the folder does not exist.
     */
    public List<Path> list(Path dir, Predicate<String> names) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (names.test(p.getFileName().toString())) {
                    out.add(p);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        out.sort(Comparator.comparing((Path p) -> numberIn(p.getFileName().toString()))
                .thenComparing(p -> p.getFileName().toString()));
        return out;
    }

    /** The last name of where a link (or folder) really is: a device's driver ("i915") or PCI address; null if absent. */
    public String realName(Path p) {
        try {
            Path real = p.toRealPath();
            return real.getFileName() == null ? null : real.getFileName().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static long numberIn(String name) {
        Matcher m = NUMBERED.matcher(name);
        if (m.matches() && m.group(2).length() < 18) {
            return Long.parseLong(m.group(2));
        }
        return Long.MAX_VALUE;
    }
}
