package dev.aipcbench.benchmarks.matrix;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The suite's version and the commit it was built from (git.properties, written at build time by
 * git-commit-id-maven-plugin), so a result says exactly which code measured it.
 */
public final class SuiteVersion implements CommandLine.IVersionProvider {
    private static final String VERSION = read();

    private static String read() {
        String v = SuiteVersion.class.getPackage().getImplementationVersion();
        String version = v != null ? v : "0.1.0-SNAPSHOT";
        Properties git = new Properties();
        try (InputStream in = SuiteVersion.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // no commit to name: the version alone
        }
        String commit = git.getProperty("git.commit.id.abbrev");
        if (commit == null || commit.isBlank()) {
            return version;
        }
        boolean dirty = Boolean.parseBoolean(git.getProperty("git.dirty"));
        return version + " (commit " + commit + (dirty ? ", with uncommitted changes" : "") + ")";
    }

    /** e.g. {@code 0.1.0-SNAPSHOT (commit ad836b0)}. */
    public static String get() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aipc-bench " + get()};
    }
}
