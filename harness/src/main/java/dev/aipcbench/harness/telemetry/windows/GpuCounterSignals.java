package dev.aipcbench.harness.telemetry.windows;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.PowerIntegrator;
import dev.aipcbench.harness.telemetry.SampleSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one typeperf reading of the GPU and Energy Meter counters into signals, per adapter, with the
 * adapter named by its kind ({@code npu} when all its engines are Compute engines, else {@code gpu})
 * and its LUID's low part:
 * <ul>
 * <li>{@code <kind>_<luid>_busy_pct}: the busiest engine's utilisation, summed over processes (as Task Manager shows it);</li>
 * <li>{@code <kind>_<luid>_<engtype>_busy_pct}: the same over the engines of one type (3d, compute, copy, ...);</li>
 * <li>{@code <kind>_<luid>_fork_busy_pct}: the busiest engine's utilisation by the followed process alone;</li>
 * <li>{@code <kind>_<luid>_memory_used_mb} (dedicated), {@code _shared_memory_used_mb}: adapter memory in use;
 *     {@code _fork_memory_used_mb}, {@code _fork_shared_memory_used_mb}: the followed process's part;</li>
 * <li>{@code <meter>_power_w} per Energy Meter instance (e.g. {@code rapl_package0_pkg_power_w}; the counter is in
 *     milliwatts) and {@code <meter>_energy_j}, power integrated over the interval.</li>
 * </ul>
 * The column layout is worked out once, from the header; a reading then costs a pass over its values.
 */
final class GpuCounterSignals {
    private static final double MB = 1024.0 * 1024.0;

    private enum Role { IGNORED, ENGINE, ADAPTER_DEDICATED, ADAPTER_SHARED, FORK_DEDICATED, FORK_SHARED, METER_POWER }

    /** One adapter's signal names and the engine slots that belong to it. */
    private static final class Adapter {
        final String prefix;
        final List<Integer> engineSlots = new ArrayList<>();
        final Map<String, List<Integer>> slotsByType = new LinkedHashMap<>();
        boolean forkHasEngines;
        boolean allCompute = true;
        boolean anyEngine;
        String util;
        String forkUtil;
        final Map<String, String> typeUtil = new LinkedHashMap<>();
        String dedicated;
        String shared;
        String forkDedicated;
        String forkShared;

        Adapter(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Role[] roles;
    private final int[] adapterOf;
    private final int[] slotOf;
    private final boolean[] forkColumn;
    private final String[] meterPower;
    private final String[] meterEnergy;
    private final PowerIntegrator[] meterIntegrators;
    private final List<Adapter> adapters = new ArrayList<>();
    private final int slotCount;

    /**
     * @param counters    the header's counters
     * @param pid         the followed process (0: none)
     * @param integrators one integrator per Energy Meter instance, kept by the caller across typeperf restarts
     */
    GpuCounterSignals(List<CounterPath> counters, long pid, Function<String, PowerIntegrator> integrators) {
        int n = counters.size();
        roles = new Role[n];
        adapterOf = new int[n];
        slotOf = new int[n];
        forkColumn = new boolean[n];
        meterPower = new String[n];
        meterEnergy = new String[n];
        meterIntegrators = new PowerIntegrator[n];
        Map<String, Integer> adapterIndex = new HashMap<>();
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CounterPath c = counters.get(i);
            roles[i] = Role.IGNORED;
            if (c == null || c.instance() == null) {
                continue;
            }
            String object = c.object().toLowerCase(Locale.ROOT);
            String counter = c.counter().toLowerCase(Locale.ROOT);
            if (object.equals("energy meter") && counter.equals("power")) {
                String meter = c.instance().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
                roles[i] = Role.METER_POWER;
                meterPower[i] = meter + "_power_w";
                meterEnergy[i] = meter + "_energy_j";
                meterIntegrators[i] = integrators.apply(meter);
                continue;
            }
            String luid = GpuEngineInstanceName.luidOf(c.instance());
            if (luid == null || !object.startsWith("gpu ")) {
                continue;
            }
            int a = adapterIndex.computeIfAbsent(luid, k -> {
                adapters.add(new Adapter(GpuEngineInstanceName.adapterLabel(k)));
                return adapters.size() - 1;
            });
            adapterOf[i] = a;
            Adapter adapter = adapters.get(a);
            long instancePid = GpuEngineInstanceName.pidOf(c.instance());
            forkColumn[i] = pid > 0 && instancePid == pid;
            if (object.equals("gpu engine") && counter.equals("utilization percentage")) {
                GpuEngineInstanceName engine = GpuEngineInstanceName.parse(c.instance()).orElse(null);
                if (engine == null) {
                    continue;
                }
                roles[i] = Role.ENGINE;
                String slotKey = luid + "/" + engine.phys() + "/" + engine.engine();
                Integer slot = slots.get(slotKey);
                if (slot == null) {
                    slot = slots.size();
                    slots.put(slotKey, slot);
                    adapter.engineSlots.add(slot);
                    adapter.slotsByType.computeIfAbsent(engine.engineTypeLabel(), k -> new ArrayList<>()).add(slot);
                }
                slotOf[i] = slot;
                adapter.anyEngine = true;
                adapter.allCompute &= engine.isCompute();
                adapter.forkHasEngines |= forkColumn[i];
            } else if (object.equals("gpu adapter memory")) {
                roles[i] = counter.equals("dedicated usage") ? Role.ADAPTER_DEDICATED
                        : counter.equals("shared usage") ? Role.ADAPTER_SHARED : Role.IGNORED;
            } else if (object.equals("gpu process memory") && forkColumn[i]) {
                roles[i] = counter.equals("dedicated usage") ? Role.FORK_DEDICATED
                        : counter.equals("shared usage") ? Role.FORK_SHARED : Role.IGNORED;
            }
        }
        slotCount = slots.size();
        for (Adapter a : adapters) {
            String device = (a.anyEngine && a.allCompute ? "npu_" : "gpu_") + a.prefix;
            a.util = SignalName.of(device, SignalName.Quantity.BUSY).name();
            a.forkUtil = SignalName.of(device + "_fork", SignalName.Quantity.BUSY).name();
            a.slotsByType.keySet().forEach(t -> a.typeUtil.put(t, SignalName.of(device + "_" + t, SignalName.Quantity.BUSY).name()));
            a.dedicated = SignalName.of(device, SignalName.Quantity.MEMORY_USED).name();
            a.shared = SignalName.of(device, SignalName.Quantity.SHARED_MEMORY_USED).name();
            a.forkDedicated = SignalName.of(device + "_fork", SignalName.Quantity.MEMORY_USED).name();
            a.forkShared = SignalName.of(device + "_fork", SignalName.Quantity.SHARED_MEMORY_USED).name();
        }
    }

    /** Puts the signals of one reading (values in header order, NaN where typeperf printed none). */
    void put(long tNanos, double[] values, SampleSink sink) {
        double[] engineAll = new double[slotCount];
        double[] engineFork = new double[slotCount];
        boolean[] engineSeen = new boolean[slotCount];
        int na = adapters.size();
        double[][] memory = new double[na][4]; // dedicated, shared, fork dedicated, fork shared
        boolean[][] memorySeen = new boolean[na][4];
        for (int i = 0; i < values.length && i < roles.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            switch (roles[i]) {
                case ENGINE -> {
                    engineAll[slotOf[i]] += v;
                    engineSeen[slotOf[i]] = true;
                    if (forkColumn[i]) {
                        engineFork[slotOf[i]] += v;
                    }
                }
                case ADAPTER_DEDICATED -> addMemory(memory, memorySeen, adapterOf[i], 0, v);
                case ADAPTER_SHARED -> addMemory(memory, memorySeen, adapterOf[i], 1, v);
                case FORK_DEDICATED -> addMemory(memory, memorySeen, adapterOf[i], 2, v);
                case FORK_SHARED -> addMemory(memory, memorySeen, adapterOf[i], 3, v);
                case METER_POWER -> {
                    double watts = v / 1000.0;
                    sink.gauge(tNanos, meterPower[i], "W", watts);
                    sink.energy(tNanos, meterEnergy[i], meterIntegrators[i].joules(tNanos, watts));
                }
                case IGNORED -> {
                }
            }
        }
        for (int a = 0; a < na; a++) {
            Adapter adapter = adapters.get(a);
            if (adapter.anyEngine) {
                putMax(tNanos, sink, adapter.util, adapter.engineSlots, engineAll, engineSeen);
                for (Map.Entry<String, List<Integer>> t : adapter.slotsByType.entrySet()) {
                    putMax(tNanos, sink, adapter.typeUtil.get(t.getKey()), t.getValue(), engineAll, engineSeen);
                }
                if (adapter.forkHasEngines) {
                    putMax(tNanos, sink, adapter.forkUtil, adapter.engineSlots, engineFork, engineSeen);
                }
            }
            String[] names = {adapter.dedicated, adapter.shared, adapter.forkDedicated, adapter.forkShared};
            for (int k = 0; k < 4; k++) {
                if (memorySeen[a][k]) {
                    sink.gauge(tNanos, names[k], "MB", memory[a][k] / MB);
                }
            }
        }
    }

    private static void addMemory(double[][] memory, boolean[][] seen, int adapter, int kind, double bytes) {
        memory[adapter][kind] += bytes;
        seen[adapter][kind] = true;
    }

    private static void putMax(long tNanos, SampleSink sink, String signal, List<Integer> slots, double[] values,
                               boolean[] seen) {
        double max = Double.NaN;
        for (int s : slots) {
            if (seen[s]) {
                max = Double.isNaN(max) ? values[s] : Math.max(max, values[s]);
            }
        }
        if (!Double.isNaN(max)) {
            sink.gauge(tNanos, signal, "%", max);
        }
    }
}
