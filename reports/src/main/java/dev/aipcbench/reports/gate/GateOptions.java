package dev.aipcbench.reports.gate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code run-bench gate} was asked to do.
 *
 * @param baselines              one or more baseline results folders of the same machine; their forks are pooled
 * @param currents               the results folder(s) under test; several (runs of the same build, e.g. taken in
 *                               turns with baseline runs) are pooled exactly as baselines are
 * @param out                    where gate.md and gate.xml go (default {@code <current>/gate})
 * @param thresholds             practical thresholds (global default, per metric, per cell, per cell + metric)
 * @param confidence             level of the bootstrap confidence interval, in (0, 1)
 * @param allowDifferentHardware compare results whose host fingerprints differ (otherwise refused)
 * @param resamples              bootstrap resamples per cell x metric
 * @param seed                   seed of the bootstrap, so the same input always gives the same verdict
 */
public record GateOptions(List<Path> baselines, List<Path> currents, Path out, GateThresholds thresholds, double confidence,
                          boolean allowDifferentHardware, int resamples, long seed) {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    // Enough for stable 2.5 % / 97.5 % percentiles (about +-0.3 % of the CI width run to run), cheap for small samples.
    public static final int DEFAULT_RESAMPLES = 5000;
    public static final int MIN_RESAMPLES = 200;
    public static final int MAX_RESAMPLES = 1_000_000;
    public static final long DEFAULT_SEED = 42L;

    public GateOptions {
        if (baselines == null || baselines.isEmpty()) {
            throw new GateInputException("--baseline: at least one baseline results folder is needed");
        }
        if (currents == null || currents.isEmpty()) {
            throw new GateInputException("--current: the results folder to check is needed");
        }
        baselines = List.copyOf(baselines);
        currents = List.copyOf(currents);
        out = out == null ? currents.get(0).resolve("gate") : out;
        thresholds = thresholds == null ? GateThresholds.defaults() : thresholds;
        if (!(confidence > 0 && confidence < 1)) {
            throw new GateInputException("--confidence: must lie between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        if (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES) {
            throw new GateInputException("--resamples: must lie between " + MIN_RESAMPLES + " and " + MAX_RESAMPLES
                    + ", got " + resamples);
        }
    }

    /** The defaults: 5 % threshold, 95 % confidence, {@value #DEFAULT_RESAMPLES} resamples, seed {@value #DEFAULT_SEED}. */
    public static GateOptions of(List<Path> baselines, Path current) {
        return of(baselines, current == null ? null : List.of(current));
    }

    /** The defaults, with several current runs pooled. */
    public static GateOptions of(List<Path> baselines, List<Path> currents) {
        return new GateOptions(baselines, currents, null, null, DEFAULT_CONFIDENCE, false, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /** The first current folder: where gate.md goes by default, and whose profile gives the thresholds. */
    public Path current() {
        return currents.get(0);
    }

    public GateOptions withOut(Path dir) {
        return new GateOptions(baselines, currents, dir, thresholds, confidence, allowDifferentHardware, resamples, seed);
    }

    public GateOptions withThresholds(GateThresholds t) {
        return new GateOptions(baselines, currents, out, t, confidence, allowDifferentHardware, resamples, seed);
    }

    /** Replaces the global default threshold (the {@code --threshold} flag), keeping per-metric and per-cell overrides. */
    public GateOptions withThreshold(String flagValue) {
        return withThresholds(thresholds.withDefault(GatePercent.parse("--threshold", flagValue)));
    }

    public GateOptions withConfidence(double c) {
        return new GateOptions(baselines, currents, out, thresholds, c, allowDifferentHardware, resamples, seed);
    }

    public GateOptions withAllowDifferentHardware(boolean allow) {
        return new GateOptions(baselines, currents, out, thresholds, confidence, allow, resamples, seed);
    }

    public GateOptions withResamples(int n) {
        return new GateOptions(baselines, currents, out, thresholds, confidence, allowDifferentHardware, n, seed);
    }

    public GateOptions withSeed(long s) {
        return new GateOptions(baselines, currents, out, thresholds, confidence, allowDifferentHardware, resamples, s);
    }

    /** Parses {@code --confidence}: a fraction ({@code 0.95}) or a percentage ({@code 95%}). */
    public static double parseConfidence(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100.0 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new GateInputException("--confidence: expected a level like 0.95 or 95%, got \"" + text + "\"");
        }
    }
}
