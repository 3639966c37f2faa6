package dev.aipcbench.reports.chart;

/**
 * Reports are drawn on CI machines and servers without a display, and nothing here opens a window:
 * every chart entry point calls {@link #ensure()} before touching AWT, because AWT decides whether it
 * is headless once, when its graphics environment first starts.
 */
final class HeadlessAwt {
    private HeadlessAwt() {
    }

    static void ensure() {
        System.setProperty("java.awt.headless", "true");
    }
}
