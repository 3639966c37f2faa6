package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of a cell: unit, which direction is better, every raw sample grouped by JMH fork
 * ({@code samples[fork][iteration]}, so the gate can resample forks, then iterations within them), and
 * summary statistics over all samples.
 */
public record Metric(String unit, Better better, List<List<Double>> samples, Summary summary) {

    public enum Better {
        @JsonProperty("lower") LOWER,
        @JsonProperty("higher") HIGHER
    }

    public static Metric of(String unit, Better better, List<List<Double>> samplesByFork) {
        List<List<Double>> copy = new ArrayList<>();
        for (List<Double> fork : samplesByFork) {
            copy.add(List.copyOf(fork));
        }
        return new Metric(unit, better, List.copyOf(copy), Summary.of(flatten(copy)));
    }

    public double[] allSamples() {
        return flatten(samples);
    }

    private static double[] flatten(List<List<Double>> byFork) {
        return byFork.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }
}
