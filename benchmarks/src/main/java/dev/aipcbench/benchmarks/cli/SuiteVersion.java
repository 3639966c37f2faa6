package dev.aipcbench.benchmarks.cli;

import picocli.CommandLine;

/** The suite's version, from the jar manifest when packaged. */
public final class SuiteVersion implements CommandLine.IVersionProvider {
    public static String get() {
        String v = SuiteVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aipc-bench " + get()};
    }
}
