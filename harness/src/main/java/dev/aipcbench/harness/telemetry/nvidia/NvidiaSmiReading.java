package dev.aipcbench.harness.telemetry.nvidia;

/**
 * One line of {@code nvidia-smi --query-gpu=timestamp,index,name,utilization.gpu,memory.used,power.draw,
 * clocks.sm,temperature.gpu --format=csv,noheader,nounits}, e.g.
 * {@code 2026/11/28 09:45:01.123, 0, NVIDIA GeForce RTX 4090 Laptop GPU, 87, 5120, 95.21, 2235, 71}.
 * A field nvidia-smi cannot give ({@code [N/A]}, {@code [Not Supported]}) is NaN.
 *
 * @param memoryUsedMib MiB, as nvidia-smi counts them
 */
public record NvidiaSmiReading(String timestamp, int index, String name, double utilizationPct, double memoryUsedMib,
                               double powerW, double smClockMhz, double temperatureC) {
    private static final int FIELDS = 8;

    /** Parses one output line; anything else nvidia-smi prints (an error message) gives null. */
    public static NvidiaSmiReading parse(String line) {
        String[] f = line.split(",");
        if (f.length < FIELDS) {
            return null;
        }
        // only the name can hold a comma: it is everything between the index and the last five fields
        int nameEnd = f.length - 5;
        StringBuilder name = new StringBuilder(f[2].strip());
        for (int i = 3; i < nameEnd; i++) {
            name.append(',').append(f[i]);
        }
        int index;
        try {
            index = Integer.parseInt(f[1].strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return new NvidiaSmiReading(f[0].strip(), index, name.toString().strip(), number(f[nameEnd]),
                number(f[nameEnd + 1]), number(f[nameEnd + 2]), number(f[nameEnd + 3]), number(f[nameEnd + 4]));
    }

    private static double number(String field) {
        try {
            return Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
