package dev.aipcbench.harness.runtime.openvinogenai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;
import dev.aipcbench.harness.runtime.pythondriver.PythonProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a short Python process finds: whether {@code import openvino_genai} works with this interpreter,
 * GenAI's and OpenVINO's versions, the devices OpenVINO reports ({@code Core().available_devices}) and
 * each GPU's {@code DEVICE_TYPE} (integrated or discrete), so a device OpenVINO does not see is skipped
 * with OpenVINO's own list.
 *
 * @param python  the interpreter asked
 * @param problem why the module could not be used, naming the interpreter; null when it could
 */
public record OvGenaiPythonProbe(PythonInterpreter python, String genaiVersion, String openvinoVersion, List<String> devices,
                                 Map<String, String> deviceTypes, String problem) {
    public static final String MODULE = "openvino_genai";
    /** Importing openvino_genai loads OpenVINO and its plugins; a cold disk makes that slow. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String CODE = String.join("\n",
            "import json",
            "import openvino as ov",
            "import " + MODULE + " as genai",
            "core = ov.Core()",
            "devices = list(core.available_devices)",
            "types = {}",
            "for d in devices:",
            "    if d.startswith('GPU'):",
            "        try:",
            "            types[d] = str(core.get_property(d, 'DEVICE_TYPE')).split('.')[-1]",
            "        except Exception:",
            "            pass",
            "print(json.dumps({'genai': genai.__version__, 'openvino': ov.get_version(), 'devices': devices, 'types': types}))");

    public boolean importable() {
        return problem == null;
    }

    /** A GPU's DEVICE_TYPE in lower case, when OpenVINO reported one. */
    public Optional<String> deviceType(String device) {
        return Optional.ofNullable(deviceTypes.get(device));
    }

    /** Runs the probe with {@code python}, killing it after {@link #TIMEOUT}. */
    public static OvGenaiPythonProbe run(PythonInterpreter python) {
        PythonProbe probe = PythonProbe.ask(python, CODE, TIMEOUT);
        if (probe.answer() == null) {
            return failed(python, probe.problem());
        }
        JsonNode answer = probe.answer();
        List<String> devices = new ArrayList<>();
        answer.path("devices").forEach(d -> devices.add(d.asText()));
        Map<String, String> types = new LinkedHashMap<>();
        answer.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asText().toLowerCase(Locale.ROOT)));
        return new OvGenaiPythonProbe(python, answer.path("genai").asText("unknown"), answer.path("openvino").asText("unknown"),
                List.copyOf(devices), Map.copyOf(types), null);
    }

    private static OvGenaiPythonProbe failed(PythonInterpreter python, String problem) {
        return new OvGenaiPythonProbe(python, null, null, List.of(), Map.of(), problem);
    }
}
