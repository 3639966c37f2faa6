package dev.aipcbench.harness.device;

import dev.aipcbench.harness.process.BoundedCommand;

import dev.aipcbench.results.HostInfo;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this machine is: CPU, memory, OS and JVM from OSHI, GPUs from OSHI's graphics cards, NPUs from
 * the OS (Linux: {@code /sys/class/accel}; Windows: the ComputeAccelerator device class). The sysfs root
 * is a parameter so tests can describe machines this one is not.
 */
public final class HostProbe {
    private static final long GIB = 1024L * 1024 * 1024;

    private final Path sysRoot;
    private final String osName;

    public HostProbe(Path sysRoot, String osName) {
        this.sysRoot = sysRoot;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    public static HostProbe ofThisMachine() {
        return new HostProbe(Path.of("/"), System.getProperty("os.name", ""));
    }

    public HostInfo probe() {
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hw = si.getHardware();
        OperatingSystem os = si.getOperatingSystem();
        CentralProcessor cpu = hw.getProcessor();
        HostInfo.Cpu cpuInfo = new HostInfo.Cpu(cpu.getProcessorIdentifier().getName().trim(),
                cpu.getProcessorIdentifier().getVendor(), cpu.getPhysicalProcessorCount(), cpu.getLogicalProcessorCount(),
                Math.max(0, cpu.getMaxFreq()));
        List<HostInfo.Accelerator> accelerators = new ArrayList<>();
        for (GraphicsCard g : hw.getGraphicsCards()) {
            if (unidentified(g)) {
                continue;
            }
            accelerators.add(new HostInfo.Accelerator(gpuKind(g), g.getName(), g.getVendor(),
                    g.getVRam() > 0 ? g.getVRam() : null, "OSHI graphics card " + g.getDeviceId()));
        }
        accelerators.addAll(npus());
        long memory = hw.getMemory().getTotal();
        String osFamily = os.getFamily();
        String arch = System.getProperty("os.arch");
        HostInfo.Jvm jvm = new HostInfo.Jvm(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"));
        return new HostInfo(fingerprint(cpuInfo, memory, accelerators, osFamily, arch), os.getNetworkParams().getHostName(),
                osFamily, os.getVersionInfo().toString(), arch, cpuInfo, memory, accelerators, jvm);
    }

    /** Virtual machines report display adapters OSHI cannot name ("unknown"); they are no compute device. */
    static boolean unidentified(GraphicsCard g) {
        String name = g.getName() == null ? "" : g.getName().trim().toLowerCase(Locale.ROOT);
        String vendor = g.getVendor() == null ? "" : g.getVendor().trim().toLowerCase(Locale.ROOT);
        return (name.isEmpty() || name.equals("unknown")) && (vendor.isEmpty() || vendor.startsWith("unknown"));
    }

    /**
     * Intel GPUs on AI PCs are integrated; NVIDIA's are discrete; AMD ships both, so its cards with
     * under 2 GiB of dedicated memory (APUs reserve little) count as integrated.
     */
    static String gpuKind(GraphicsCard g) {
        String vendor = (g.getVendor() + " " + g.getName()).toLowerCase(Locale.ROOT);
        if (vendor.contains("intel")) {
            return Device.IGPU.id();
        }
        if (vendor.contains("amd") || vendor.contains("advanced micro") || vendor.contains("ati ")) {
            return g.getVRam() > 0 && g.getVRam() < 2 * GIB ? Device.IGPU.id() : Device.DGPU.id();
        }
        if (vendor.contains("apple")) {
            return Device.IGPU.id();
        }
        return Device.DGPU.id();
    }

    /** NPUs the OS exposes. */
    public List<HostInfo.Accelerator> npus() {
        if (osName.contains("win")) {
            return windowsNpus();
        }
        if (osName.contains("mac") && "aarch64".equals(System.getProperty("os.arch"))) {
            return List.of(new HostInfo.Accelerator(Device.NPU.id(), "Apple Neural Engine", "Apple", null,
                    "Apple silicon (reachable through Core ML only)"));
        }
        return linuxNpus();
    }

    private List<HostInfo.Accelerator> linuxNpus() {
        Path accel = sysRoot.resolve("sys/class/accel");
        List<HostInfo.Accelerator> out = new ArrayList<>();
        if (!Files.isDirectory(accel)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(accel)) {
            for (Path dev : entries.sorted().collect(Collectors.toList())) {
                String name = dev.getFileName().toString();
                if (!name.startsWith("accel")) {
                    continue;
                }
                String driver = driverName(dev.resolve("device"));
                String vendor = driver.equals("intel_vpu") ? "Intel" : driver.equals("amdxdna") ? "AMD" : "unknown";
                out.add(new HostInfo.Accelerator(Device.NPU.id(), vendor + " NPU (" + driver + ")", vendor, null,
                        "/sys/class/accel/" + name));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String driverName(Path device) {
        try {
            Path driver = device.resolve("driver");
            if (Files.isSymbolicLink(driver)) {
                return Files.readSymbolicLink(driver).getFileName().toString();
            }
            Path uevent = device.resolve("uevent");
            if (Files.isRegularFile(uevent)) {
                for (String line : Files.readAllLines(uevent)) {
                    if (line.startsWith("DRIVER=")) {
                        return line.substring("DRIVER=".length());
                    }
                }
            }
        } catch (IOException e) {
            return "unknown driver";
        }
        return "unknown driver";
    }

    /** PowerShell starts slowly on a cold machine, but a hung one must not hang the run. */
    static final java.time.Duration POWERSHELL_BOUND = java.time.Duration.ofSeconds(30);

    /** Windows lists NPUs (Intel AI Boost, Qualcomm Hexagon, AMD IPU) in the ComputeAccelerator class. */
    private static List<HostInfo.Accelerator> windowsNpus() {
        List<HostInfo.Accelerator> out = new ArrayList<>();
        BoundedCommand.Result r = BoundedCommand.run(List.of("powershell", "-NoProfile", "-Command",
                "Get-PnpDevice -Class ComputeAccelerator -PresentOnly | ForEach-Object { $_.FriendlyName + '|' + $_.Manufacturer }"),
                POWERSHELL_BOUND);
        if (r.ok()) {
            for (String line : r.output().split("\\R")) {
                String[] parts = line.trim().split("\\|", 2);
                if (!parts[0].isBlank()) {
                    out.add(new HostInfo.Accelerator(Device.NPU.id(), parts[0], parts.length > 1 ? parts[1] : null, null,
                            "Windows device class ComputeAccelerator"));
                }
            }
        }
        return out;
    }

    static String fingerprint(HostInfo.Cpu cpu, long memory, List<HostInfo.Accelerator> accelerators, String os, String arch) {
        String facts = String.join("|", cpu.model(), Integer.toString(cpu.physicalCores()), Integer.toString(cpu.logicalCores()),
                Long.toString(Math.round((double) memory / GIB)),
                accelerators.stream().map(a -> a.kind() + ":" + a.name()).sorted().collect(Collectors.joining(",")), os, arch);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
