package dev.aipcbench.reports.roofline;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.TokenAnatomy;
import dev.aipcbench.results.MetricMedian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One profiled step of a cell as a stacked bar: its operator types' times (ms, from the kernel shares and the
 * kernels' total), the norms of every kind together, those under {@value #SMALL_PCT} % of the step together as
 * "other", and the runtime's time between kernels as "outside kernels"; the parts sum to the profiled step. A
 * decode step is held against the cell's measured TPOT (the profiled step stands at another depth of the KV cache,
 * which a decode step's bytes hardly depend on); a prefill against TTFT only where it profiled the cell's prompt
 * length.
 */
public record AnatomyBar(CellResult cell, TokenAnatomy anatomy, List<Part> parts, OptionalDouble measuredMs) {
    static final double SMALL_PCT = 2.0;
    public static final String NORMS = "norms";
    public static final String OTHER = "other";
    public static final String OUTSIDE = "outside kernels";

    /** One slice: a name and its time, ms. */
    public record Part(String name, double ms) {
    }

    public static List<AnatomyBar> of(CellResult cell) {
        List<AnatomyBar> bars = new ArrayList<>();
        for (TokenAnatomy.Step step : TokenAnatomy.Step.values()) {
            TokenAnatomy.of(cell, step).ifPresent(a -> bars.add(new AnatomyBar(cell, a, parts(a), measured(cell, a))));
        }
        return bars;
    }

    /** Sum of the parts: the profiled step, ms. */
    public double totalMs() {
        return parts.stream().mapToDouble(Part::ms).sum();
    }

    /** Share of a part in the step, percent. */
    public double percent(Part p) {
        return 100 * p.ms() / Math.max(totalMs(), 1e-12);
    }

    /** How far the profiled step is from the measured one, percent of the measured one (NaN where none compares). */
    public double deviationPct() {
        return measuredMs.isPresent() ? 100 * (totalMs() - measuredMs.getAsDouble()) / measuredMs.getAsDouble() : Double.NaN;
    }

    /** {@code MatMulNBits 81 %, GroupQueryAttention 6 %, norms 3 %, other 10 %}. */
    public String text() {
        List<String> s = new ArrayList<>();
        parts.forEach(p -> s.add(String.format(Locale.ROOT, "%s %.0f %%", p.name(), percent(p))));
        return String.join(", ", s);
    }

    private static List<Part> parts(TokenAnatomy a) {
        Map<String, Double> grouped = new LinkedHashMap<>();
        double other = 0;
        // the shares are recorded to 0.1 %: scaled to their own sum, the parts add up to the kernels' time exactly
        double sum = Math.max(a.shares().stream().mapToDouble(TokenAnatomy.Share::percent).sum(), 1e-12);
        for (TokenAnatomy.Share s : a.shares()) {
            grouped.merge(isNorm(s.op()) ? NORMS : s.op(), a.kernelMs() * s.percent() / sum, Double::sum);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : grouped.entrySet()) {
            if (100 * e.getValue() / a.stepMs() < SMALL_PCT) {
                other += e.getValue();
            } else {
                parts.add(new Part(e.getKey(), e.getValue()));
            }
        }
        if (other > 0) {
            parts.add(new Part(OTHER, other));
        }
        if (a.outsideKernelsMs() > 0) {
            parts.add(new Part(OUTSIDE, a.outsideKernelsMs()));
        }
        return List.copyOf(parts);
    }

    /** Layer and RMS norms of every runtime's naming (ONNX Runtime's SimplifiedLayerNormalization, OpenVINO's RMS, MVN). */
    static boolean isNorm(String op) {
        String o = op.toLowerCase(Locale.ROOT);
        return o.contains("normalization") || o.contains("layernorm") || o.equals("rms") || o.equals("mvn");
    }

    private static OptionalDouble measured(CellResult cell, TokenAnatomy a) {
        if (a.step() == TokenAnatomy.Step.DECODE) {
            return MetricMedian.of(cell, MetricCatalog.TPOT_MS.name());
        }
        Integer prompt = cell.workload() == null ? null : cell.workload().parameters().get("prompt_tokens");
        return prompt != null && prompt == a.position() ? MetricMedian.of(cell, MetricCatalog.TTFT_MS.name()) : OptionalDouble.empty();
    }
}
