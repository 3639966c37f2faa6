package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.NPU_CELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitXmlWriterTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element testcase(Element suite, String classname, String name) {
        return elements(suite, "testcase").stream()
                .filter(t -> t.getAttribute("classname").equals(classname) && t.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no testcase " + classname + " " + name));
    }

    @Test
    void wellFormedWithOneTestcasePerCellAndMetricAndFailuresForRegressions() throws Exception {
        GateReport report = GateReports.mixed();
        Document doc = parse(JUnitXmlWriter.write(report));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        List<Element> suites = elements(root, "testsuite");
        assertEquals(2, suites.size());

        Element metrics = suites.get(0);
        assertEquals("aipc-bench gate", metrics.getAttribute("name"));
        assertEquals(report.rows().size(), elements(metrics, "testcase").size());
        assertEquals(5, report.rows().size(), "cpu: tpot, ttft, e2e, energy; gpu: decode_tok_s");
        assertEquals(Integer.toString(report.rows().size()), metrics.getAttribute("tests"));
        assertEquals("1", metrics.getAttribute("failures"));
        assertEquals("1", metrics.getAttribute("skipped"));

        String cpu = "gate.onnxruntime.cpu.int4.generate-p128-g32";
        Element tpot = testcase(metrics, cpu, "tpot_ms");
        Element failure = elements(tpot, "failure").get(0);
        assertEquals("regression", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").matches("tpot_ms: 2[45]\\.\\d\\d ms -> 2[78]\\.\\d\\d ms, ratio 1\\.\\d{3} "
                + "\\(\\+\\d+\\.\\d%\\), 95% CI \\[1\\.\\d{3}, 1\\.\\d{3}]: regression, \\d+\\.\\d% worse \\(threshold 5%\\)"),
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith(CPU_CELL + "\n"));

        assertTrue(elements(testcase(metrics, cpu, "ttft_ms"), "failure").isEmpty(), "improvements pass");
        assertTrue(elements(testcase(metrics, cpu, "ttft_ms"), "system-out").get(0).getTextContent().contains("improvement"));
        assertEquals("no data: absent in the current run",
                elements(testcase(metrics, cpu, "energy_j"), "skipped").get(0).getAttribute("message"));
        assertTrue(elements(metrics, "property").stream().anyMatch(p -> p.getAttribute("name").equals("seed")
                && p.getAttribute("value").equals("42")));
    }

    @Test
    void cellsNotComparedAreTestcasesTooAndANewlyFailedCellIsAFailure() throws Exception {
        GateReport report = GateReports.mixed();
        Element root = parse(JUnitXmlWriter.write(report)).getDocumentElement();
        Element cells = elements(root, "testsuite").get(1);
        assertEquals("aipc-bench gate cells", cells.getAttribute("name"));
        assertEquals(3, elements(cells, "testcase").size());
        assertEquals("1", cells.getAttribute("failures"));
        assertEquals("2", cells.getAttribute("skipped"));
        Element npu = testcase(cells, "gate.onnxruntime.npu.int4.generate-p128-g32", "cell status");
        Element failure = elements(npu, "failure").get(0);
        assertEquals("cell failed", failure.getAttribute("type"));
        // the control character a crashing fork printed is gone; the rest is kept and escaped
        assertEquals("baseline ok, current failed: fork exited with 134 | SIGABRT at npu_driver.so <init>",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("at npu_driver.so <init>"));
        assertTrue(failure.getTextContent().startsWith(NPU_CELL));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals(Integer.toString(report.rows().size() + 3), root.getAttribute("tests"));
        testcase(cells, "gate.llama_cpp.dgpu.int4.generate-p128-g32", "cell status");
    }

    @Test
    void anEmptyReportIsStillAValidDocument() throws Exception {
        GateReport empty = new GateReport(new GateSettings(List.of("b"), "c", 5, 0.95, 5000, 42), List.of(), List.of(), List.of());
        Element root = parse(JUnitXmlWriter.write(empty)).getDocumentElement();
        assertEquals("0", root.getAttribute("tests"));
        assertEquals(1, elements(root, "testsuite").size());
    }
}
