package dev.aipcbench.harness.telemetry.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The counters behind CPU load, memory in use and a process's resident memory and CPU time, read from
 * {@code /proc} through descriptors kept open and re-read from offset 0 (procfs regenerates a file on
 * every read from its start) into one reused buffer, parsed without building strings.
 *
 * <p>Why not OSHI's readers for these: OSHI opens, reads and parses each file into lines on every
 * call; 100 ms apart, with caches cold, that cost 2 ms of CPU per sample on the 2-core test machine,
 * and a benchmark that keeps both cores busy lost that time (TPOT of Phi-3-mini int4 was 1.8 % slower
 * with telemetry on, interleaved in one process). Kept-open reads of the same three files cost 0.17 ms.
 * OSHI remains the source of everything else (frequency, temperature, other operating systems).
 */
public final class ProcfsCounters implements AutoCloseable {
    /** Tick columns of a {@code cpu} line, in OSHI's TickType order: user nice system idle iowait irq softirq steal. */
    public static final int TICK_TYPES = 8;

    private final Path proc;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
    private final FileChannel stat;
    private final FileChannel meminfo;
    private FileChannel process;
    private long processPid;

    /** @param proc the proc file system's root, normally {@code /proc} */
    public ProcfsCounters(Path proc) throws IOException {
        this.proc = proc;
        this.stat = FileChannel.open(proc.resolve("stat"), StandardOpenOption.READ);
        this.meminfo = FileChannel.open(proc.resolve("meminfo"), StandardOpenOption.READ);
    }

    /**
     * Ticks of the whole machine ({@code into[0]}) and of each processor ({@code into[1 + i]}), each
     * {@link #TICK_TYPES} long; returns the number of processor lines found.
     */
    public int cpuTicks(long[][] into) throws IOException {
        int n = fill(stat);
        int pos = 0;
        int row = 0;
        while (pos < n && row < into.length) {
            if (!startsWith(pos, "cpu")) {
                break; // cpu lines come first; the rest of the file is not needed
            }
            pos += 3;
            while (pos < n && buffer.get(pos) != ' ') {
                pos++; // the processor number, if any: rows come in file order
            }
            long[] ticks = into[row++];
            for (int t = 0; t < TICK_TYPES; t++) {
                while (pos < n && buffer.get(pos) == ' ') {
                    pos++;
                }
                long v = 0;
                while (pos < n && isDigit(buffer.get(pos))) {
                    v = v * 10 + (buffer.get(pos++) - '0');
                }
                ticks[t] = v;
            }
            pos = nextLine(pos, n);
        }
        return row - 1;
    }

    /** Memory in use (MemTotal - MemAvailable), in bytes; -1 when the file lacks either line. */
    public long memoryUsedBytes() throws IOException {
        int n = fill(meminfo);
        long total = -1;
        long available = -1;
        for (int pos = 0; pos < n; pos = nextLine(pos, n)) {
            if (startsWith(pos, "MemTotal:")) {
                total = number(pos + "MemTotal:".length(), n);
            } else if (startsWith(pos, "MemAvailable:")) {
                available = number(pos + "MemAvailable:".length(), n);
            }
            if (total >= 0 && available >= 0) {
                return (total - available) * 1024;
            }
        }
        return -1;
    }

    /**
     * A process's resident pages and CPU ticks (user + system), from {@code /proc/<pid>/stat}, into
     * {@code into[0]} and {@code into[1]}; false once the process has gone.
     */
    public boolean process(long pid, long[] into) throws IOException {
        if (pid != processPid || process == null) {
            closeProcess();
            try {
                process = FileChannel.open(proc.resolve(Long.toString(pid)).resolve("stat"), StandardOpenOption.READ);
            } catch (IOException e) {
                return false;
            }
            processPid = pid;
        }
        int n;
        try {
            n = fill(process);
        } catch (IOException e) {
            closeProcess();
            return false;
        }
        // Fields after the command name in parentheses, which may itself hold spaces and ')'.
        int pos = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (buffer.get(i) == ')') {
                pos = i + 2;
                break;
            }
        }
        if (pos < 0 || n == 0) {
            closeProcess();
            return false;
        }
        long utime = 0;
        long stime = 0;
        long rss = 0;
        // Field 3 (state) is at pos; utime is field 14, stime 15, rss 24.
        for (int field = 3; field <= 24 && pos < n; field++) {
            int start = pos;
            while (pos < n && buffer.get(pos) != ' ') {
                pos++;
            }
            if (field == 14 || field == 15 || field == 24) {
                long v = 0;
                for (int i = start; i < pos; i++) {
                    v = v * 10 + (buffer.get(i) - '0');
                }
                if (field == 14) {
                    utime = v;
                } else if (field == 15) {
                    stime = v;
                } else {
                    rss = v;
                }
            }
            pos++;
        }
        into[0] = rss;
        into[1] = utime + stime;
        return true;
    }

    private int fill(FileChannel ch) throws IOException {
        buffer.clear();
        long position = 0;
        int r;
        while ((r = ch.read(buffer, position)) > 0) {
            position += r;
            if (!buffer.hasRemaining()) {
                break;
            }
        }
        return buffer.position();
    }

    private boolean startsWith(int pos, String prefix) {
        if (pos + prefix.length() > buffer.limit()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer.get(pos + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long number(int pos, int n) {
        while (pos < n && !isDigit(buffer.get(pos))) {
            pos++;
        }
        long v = 0;
        while (pos < n && isDigit(buffer.get(pos))) {
            v = v * 10 + (buffer.get(pos++) - '0');
        }
        return v;
    }

    private int nextLine(int pos, int n) {
        while (pos < n && buffer.get(pos) != '\n') {
            pos++;
        }
        return pos + 1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private void closeProcess() {
        if (process != null) {
            try {
                process.close();
            } catch (IOException e) {
                // already gone with its process
            }
            process = null;
            processPid = 0;
        }
    }

    @Override
    public void close() {
        closeProcess();
        try {
            stat.close();
            meminfo.close();
        } catch (IOException e) {
            // nothing to release beyond the descriptors
        }
    }
}
