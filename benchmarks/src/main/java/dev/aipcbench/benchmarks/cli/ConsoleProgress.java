package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.model.Progress;

import java.io.PrintStream;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per 10% when stderr is a file or
 * a CI log, so logs stay short.
 */
final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long startNs = System.nanoTime();
    private int lastPercent = -1;

    ConsoleProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.terminal = System.console() != null;
    }

    @Override
    public void update(long done, long total) {
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        if (percent == lastPercent || (!terminal && percent / 10 == lastPercent / 10 && percent != 100)) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        double elapsed = (System.nanoTime() - startNs) / 1e9;
        String eta = done > 0 && done < total ? String.format(" ETA %s", clock(elapsed * (total - done) / done)) : "";
        String line = String.format("%s [%s%s] %3d%% %s/%s%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, bytes(done), bytes(total), eta);
        if (terminal) {
            out.print("\r" + line + (percent == 100 ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format("%.1f MiB", n / (double) (1L << 20));
        }
        return String.format("%.1f KiB", n / 1024.0);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
