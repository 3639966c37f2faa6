package dev.aipcbench.harness.telemetry.windows;

/**
 * typeperf output in its documented CSV layout, as a laptop with an Intel iGPU (LUID ..._0x0000D1A2) and
 * an NPU (LUID ..._0x0000C3F1, a compute-only adapter) prints it while process 1234 (the fork) and
 * process 999 use them.
 */
final class TypeperfFixtures {
    static final long FORK = 1234;

    static final String HEADER = String.join(",",
            q("(PDH-CSV 4.0) (W. Europe Standard Time)(-60)"),
            q("\\\\AIPC\\GPU Engine(pid_1234_luid_0x00000000_0x0000C3F1_phys_0_eng_0_engtype_Compute)\\Utilization Percentage"),
            q("\\\\AIPC\\GPU Engine(pid_1234_luid_0x00000000_0x0000D1A2_phys_0_eng_0_engtype_3D)\\Utilization Percentage"),
            q("\\\\AIPC\\GPU Engine(pid_1234_luid_0x00000000_0x0000D1A2_phys_0_eng_1_engtype_Compute)\\Utilization Percentage"),
            q("\\\\AIPC\\GPU Engine(pid_999_luid_0x00000000_0x0000D1A2_phys_0_eng_0_engtype_3D)\\Utilization Percentage"),
            q("\\\\AIPC\\GPU Engine(pid_999_luid_0x00000000_0x0000D1A2_phys_0_eng_2_engtype_Copy)\\Utilization Percentage"),
            q("\\\\AIPC\\GPU Adapter Memory(luid_0x00000000_0x0000C3F1_phys_0)\\Dedicated Usage"),
            q("\\\\AIPC\\GPU Adapter Memory(luid_0x00000000_0x0000D1A2_phys_0)\\Dedicated Usage"),
            q("\\\\AIPC\\GPU Adapter Memory(luid_0x00000000_0x0000D1A2_phys_0)\\Shared Usage"),
            q("\\\\AIPC\\GPU Process Memory(pid_1234_luid_0x00000000_0x0000D1A2_phys_0)\\Dedicated Usage"),
            q("\\\\AIPC\\GPU Process Memory(pid_1234_luid_0x00000000_0x0000D1A2_phys_0)\\Shared Usage"),
            q("\\\\AIPC\\GPU Process Memory(pid_999_luid_0x00000000_0x0000D1A2_phys_0)\\Shared Usage"),
            q("\\\\AIPC\\Energy Meter(RAPL_Package0_PKG)\\Power"),
            q("\\\\AIPC\\Energy Meter(RAPL_Package0_PP0)\\Power"));

    static final String ROW_1 = String.join(",", q("11/28/2026 09:45:01.123"), q("42.5"), q("30.000000"), q("55.25"),
            q("20"), q("5"), q("0"), q("0"), q("1073741824"), q("0"), q("536870912"), q("1048576"), q("15000"), q("9000"));

    /** Process 999's 3D engine has no value in this reading (typeperf prints " "). */
    static final String ROW_2 = String.join(",", q("11/28/2026 09:45:02.125"), q("80"), q("10"), q("60"),
            q(" "), q("1"), q("0"), q("0"), q("1073741824"), q("0"), q("805306368"), q("1048576"), q("18000"), q("11000"));

    /** The whole output of a run stopped after two readings: a blank first line, header, readings, goodbye. */
    static final String OUTPUT = "\r\n" + HEADER + "\r\n" + ROW_1 + "\r\n" + ROW_2 + "\r\n"
            + "Exiting, please wait...\r\nThe command completed successfully.\r\n";

    private TypeperfFixtures() {
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
