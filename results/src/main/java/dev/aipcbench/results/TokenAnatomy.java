package dev.aipcbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one profiled step's time went by operator type, as a runtime's own profiler saw it in the profiling pass
 * after the timed session (never during a timed shot), recorded in the cell's session facts: each operator
 * type's share of the kernels' time ({@code MatMulNBits 81.2%, GroupQueryAttention 6.0%, ...}), the kernels' total
 * and the whole step as the runtime timed it (ms), and where the step stood (prompt tokens, or tokens already in
 * the KV cache). A runtime whose profiler says less records only {@link #NOTE}, saying what it has.
 */
public record TokenAnatomy(Step step, List<Share> shares, double stepMs, double kernelMs, int position) {
    /** Why a cell has no anatomy, or what its runtime's profiler exposes instead. */
    public static final String NOTE = "token_anatomy";

    /** One operator type's share of the kernels' time, percent. */
    public record Share(String op, double percent) {
    }

    /** The profiled prefill, or one profiled decode step; each with its fact names. */
    public enum Step {
        PREFILL("prefill"), DECODE("decode");

        private final String prefix;

        Step(String prefix) {
            this.prefix = prefix;
        }

        public String label() {
            return prefix;
        }

        public String share() {
            return prefix + "_op_share";
        }

        public String millis() {
            return prefix + "_profiled_ms";
        }

        public String kernelMillis() {
            return prefix + "_kernel_ms";
        }

        /** The prompt's tokens (prefill) or the tokens already in the KV cache (decode) of the profiled step. */
        public String tokens() {
            return prefix + "_profiled_tokens";
        }
    }

    /** The session facts of one profiled step, as {@link #of} reads them back. */
    public static Map<String, String> facts(Step step, Map<String, Double> percentByOp, double stepMs, double kernelMs, int position) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put(step.share(), shareLine(percentByOp));
        f.put(step.millis(), String.format(java.util.Locale.ROOT, "%.3f", stepMs));
        f.put(step.kernelMillis(), String.format(java.util.Locale.ROOT, "%.3f", kernelMs));
        f.put(step.tokens(), Integer.toString(position));
        return f;
    }

    /** Shares as the session facts record them: {@code MatMulNBits 81.2%, GroupQueryAttention 6.0%}, largest first as given. */
    public static String shareLine(Map<String, Double> percentByOp) {
        return percentByOp.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%s %.1f%%", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The time outside every kernel (the runtime's own work between them), ms. */
    public double outsideKernelsMs() {
        return Math.max(0, stepMs - kernelMs);
    }

    /** The anatomy of {@code step} a cell's session recorded, if it recorded one with its times. */
    public static Optional<TokenAnatomy> of(CellResult cell, Step step) {
        Map<String, String> s = cell.session();
        if (s == null || s.get(step.share()) == null || s.get(step.millis()) == null) {
            return Optional.empty();
        }
        try {
            List<Share> shares = new ArrayList<>();
            for (String part : s.get(step.share()).split(", ")) {
                int space = part.lastIndexOf(' ');
                if (space > 0 && part.endsWith("%")) {
                    shares.add(new Share(part.substring(0, space), Double.parseDouble(part.substring(space + 1, part.length() - 1))));
                }
            }
            double stepMs = Double.parseDouble(s.get(step.millis()));
            double kernelMs = s.get(step.kernelMillis()) == null ? stepMs : Double.parseDouble(s.get(step.kernelMillis()));
            int position = s.get(step.tokens()) == null ? 0 : Integer.parseInt(s.get(step.tokens()));
            return Optional.of(new TokenAnatomy(step, List.copyOf(shares), stepMs, kernelMs, position));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
