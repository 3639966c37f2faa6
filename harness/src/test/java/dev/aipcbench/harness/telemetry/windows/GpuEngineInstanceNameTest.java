package dev.aipcbench.harness.telemetry.windows;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuEngineInstanceNameTest {

    @Test
    void readsProcessAdapterAndEngineFromAnInstanceName() {
        GpuEngineInstanceName npu = GpuEngineInstanceName
                .parse("pid_1234_luid_0x00000000_0x0000C3F1_phys_0_eng_0_engtype_Compute").orElseThrow();
        assertEquals(new GpuEngineInstanceName(1234, "0x00000000_0x0000C3F1", 0, 0, "Compute"), npu);
        assertTrue(npu.isCompute());
        assertEquals("compute", npu.engineTypeLabel());

        GpuEngineInstanceName video = GpuEngineInstanceName
                .parse("pid_88_luid_0x00000001_0x0000ABCD_phys_1_eng_12_engtype_VideoDecode").orElseThrow();
        assertEquals(12, video.engine());
        assertEquals(1, video.phys());
        assertEquals("videodecode", video.engineTypeLabel());
        assertFalse(video.isCompute());
        assertEquals("3d", GpuEngineInstanceName.parse("pid_1_luid_0x0_0x1_phys_0_eng_0_engtype_3D").orElseThrow().engineTypeLabel());
        assertEquals("other", GpuEngineInstanceName.parse("pid_1_luid_0x0_0x1_phys_0_eng_3_engtype_").orElseThrow().engineTypeLabel());
        assertEquals(Optional.empty(), GpuEngineInstanceName.parse("luid_0x00000000_0x0000C3F1_phys_0"));
    }

    @Test
    void findsTheAdapterAndProcessInEveryGpuCounterSet() {
        assertEquals("0x00000000_0x0000C3F1", GpuEngineInstanceName.luidOf("luid_0x00000000_0x0000C3F1_phys_0"));
        assertEquals("0x00000000_0x0000C3F1", GpuEngineInstanceName.luidOf("pid_1234_luid_0x00000000_0x0000C3F1_phys_0"));
        assertEquals(1234, GpuEngineInstanceName.pidOf("pid_1234_luid_0x00000000_0x0000C3F1_phys_0"));
        assertEquals(-1, GpuEngineInstanceName.pidOf("luid_0x00000000_0x0000C3F1_phys_0"));
        assertEquals(null, GpuEngineInstanceName.luidOf("RAPL_Package0_PKG"));
    }

    @Test
    void labelsAdaptersByTheirLuid() {
        assertEquals("0000c3f1", GpuEngineInstanceName.adapterLabel("0x00000000_0x0000C3F1"));
        assertEquals("00000001_0000abcd", GpuEngineInstanceName.adapterLabel("0x00000001_0x0000ABCD"));
    }
}
