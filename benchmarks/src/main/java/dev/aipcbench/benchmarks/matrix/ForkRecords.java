package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.CellSpec;
import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The host's side of the fork channel: the {@link ForkRecord}s a cell's forks wrote, read with the same
 * mapper, in the order the forks ran, and what they add up to: each metric's measured samples grouped by
 * fork ({@code [fork][iteration]}, warm-up excluded, disturbed forks left out: {@link Interference}), the
 * per-token latencies, ITL pooled from every decode step, the session, the probe and any fork's failure.
 */
final class ForkRecords {
    private final List<ForkRecord> all;
    private final List<CellResult.Fork> judged;
    /** The forks whose samples count: per benchmark, the undisturbed ones, or every fork of it when none was spared. */
    private final List<ForkRecord> forks;
    /** Undisturbed forks of the benchmark that has the fewest (a cell of several benchmarks needs each one's forks). */
    private final int fewestClean;

    private ForkRecords(List<ForkRecord> all, Profile.Interference limits) {
        this.all = all;
        this.judged = all.stream().map(f -> Interference.judge(f, limits)).toList();
        Map<String, List<ForkRecord>> clean = new LinkedHashMap<>();
        Map<String, List<ForkRecord>> byBenchmark = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String b = String.valueOf(all.get(i).benchmark());
            byBenchmark.computeIfAbsent(b, k -> new ArrayList<>()).add(all.get(i));
            clean.computeIfAbsent(b, k -> new ArrayList<>());
            if (!judged.get(i).disturbed()) {
                clean.get(b).add(all.get(i));
            }
        }
        List<ForkRecord> counted = new ArrayList<>();
        byBenchmark.forEach((b, forksOfIt) -> counted.addAll(clean.get(b).isEmpty() ? forksOfIt : clean.get(b)));
        counted.sort(Comparator.comparingLong(ForkRecord::startedMs));
        this.forks = counted;
        this.fewestClean = clean.values().stream().mapToInt(List::size).min().orElse(0);
    }

    /** Every fork with its interference verdict, in the order they ran. */
    List<CellResult.Fork> judged() {
        return judged;
    }

    /** How many forks were disturbed. */
    long disturbed() {
        return judged.stream().filter(CellResult.Fork::disturbed).count();
    }

    /** How many forks ran undisturbed, of the benchmark with the fewest (each of a cell's benchmarks runs in its own forks). */
    int clean() {
        return fewestClean;
    }

    /** The records in {@code folder} (none when it does not exist); an unreadable record is an error naming it. */
    static ForkRecords read(Path folder, Profile.Interference limits) throws IOException {
        List<ForkRecord> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()::iterator) {
                    try {
                        out.add(CellSpec.JSON.readValue(f.toFile(), ForkRecord.class));
                    } catch (IOException e) {
                        throw new IOException("cannot read the fork record " + f + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(ForkRecord::startedMs));
        return new ForkRecords(out, limits);
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** The first failure a fork recorded (its first line), or null. */
    String failure() {
        return all.stream().map(ForkRecord::failure).filter(f -> f != null).map(f -> f.lines().findFirst().orElse(f))
                .findFirst().orElse(null);
    }

    /**
     * The session as the forks' runtime reported it last, the first fork's word on each fact; facts only some
     * forks have (a characterise cell's probes, each in its own forks) are added from those. Null when none reported.
     */
    Map<String, String> session() {
        Map<String, String> out = new LinkedHashMap<>();
        all.stream().map(ForkRecord::session).filter(s -> s != null).forEach(s -> s.forEach(out::putIfAbsent));
        return all.stream().allMatch(f -> f.session() == null) ? null : out;
    }

    /** The first fork's probe, or null. */
    ForkRecord.Probe probe() {
        return all.stream().map(ForkRecord::probe).filter(p -> p != null).findFirst().orElse(null);
    }

    /** Every metric with its measured samples by fork, plus ITL pooled from every decode step. */
    Map<String, Metric> metrics() {
        Map<String, List<List<Double>>> byName = new LinkedHashMap<>();
        List<List<Double>> itl = new ArrayList<>();
        for (ForkRecord fork : forks) {
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            List<Double> forkItl = new ArrayList<>();
            for (ForkRecord.Iteration it : measured(fork)) {
                it.metrics().forEach((name, value) -> samples.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
                if (it.tokenMs() != null && it.tokenMs().size() > 1) {
                    forkItl.addAll(it.tokenMs().subList(1, it.tokenMs().size()));
                }
            }
            samples.forEach((name, values) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(values));
            if (!forkItl.isEmpty()) {
                itl.add(forkItl);
            }
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        // In the catalog's order, whatever order the forks' maps came in.
        byName.keySet().stream().sorted(Comparator.comparingInt(MetricCatalog::rank).thenComparing(Comparator.naturalOrder()))
                .forEach(name -> out.put(name, Metric.of(MetricCatalog.unitOf(name), MetricCatalog.betterOf(name), byName.get(name))));
        if (!itl.isEmpty()) {
            out.put(MetricCatalog.ITL_MS.name(), Metric.of(MetricCatalog.ITL_MS.unit(), MetricCatalog.ITL_MS.better(), itl));
        }
        return out;
    }

    /** {@code [fork][iteration][token]} latencies in ms (token 0 is TTFT), or null when no sequence was generated. */
    List<List<List<Double>>> tokenLatencies() {
        List<List<List<Double>>> out = new ArrayList<>();
        for (ForkRecord fork : forks) {
            List<List<Double>> rows = new ArrayList<>();
            for (ForkRecord.Iteration it : measured(fork)) {
                if (it.tokenMs() != null && !it.tokenMs().isEmpty()) {
                    rows.add(it.tokenMs());
                }
            }
            if (!rows.isEmpty()) {
                out.add(rows);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static List<ForkRecord.Iteration> measured(ForkRecord fork) {
        List<ForkRecord.Iteration> out = new ArrayList<>();
        if (fork.iterations() != null) {
            fork.iterations().stream().filter(i -> !i.warmup()).forEach(out::add);
        }
        return out;
    }
}
