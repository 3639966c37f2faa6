package dev.aipcbench.reports.gate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * Writes gate.xml in the JUnit XML dialect every CI understands: suite {@code aipc-bench gate} holds
 * one testcase per cell x metric (classname {@code gate.<cell with dots>}, name the metric); a
 * regression is a {@code <failure>}, a row without data is {@code <skipped>}, passes and improvements
 * pass with their numbers in {@code <system-out>}. Suite {@code aipc-bench gate cells} holds one testcase
 * per cell that could not be compared: a cell that failed after passing in the baseline is a failure,
 * the others are skipped with why.
 */
public final class JUnitXmlWriter {

    private JUnitXmlWriter() {
    }

    public static String write(GateReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            long metricFailures = report.count(GateVerdict.REGRESSION);
            long cellFailures = report.brokenCells().size();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "aipc-bench gate");
            x.writeAttribute("tests", Long.toString(report.rows().size() + report.unmatchedCells().size()));
            x.writeAttribute("failures", Long.toString(metricFailures + cellFailures));
            x.writeAttribute("errors", "0");
            metricSuite(x, report, metricFailures);
            if (!report.unmatchedCells().isEmpty()) {
                cellSuite(x, report.unmatchedCells(), cellFailures);
            }
            nl(x, 0);
            x.writeEndElement();
            nl(x, 0);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void metricSuite(XMLStreamWriter x, GateReport report, long failures) throws XMLStreamException {
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "aipc-bench gate");
        x.writeAttribute("tests", Integer.toString(report.rows().size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(report.count(GateVerdict.NO_DATA) + report.count(GateVerdict.INCONCLUSIVE)));
        x.writeAttribute("time", "0");
        properties(x, report.settings());
        for (GateRow r : report.rows()) {
            nl(x, 2);
            x.writeStartElement("testcase");
            x.writeAttribute("classname", className(r.cellId()));
            x.writeAttribute("name", clean(r.metric()));
            x.writeAttribute("time", "0");
            String line = summary(r, report.settings().confidence());
            switch (r.verdict()) {
                case REGRESSION -> child(x, "failure", "regression", line, r.cellId() + "\n" + line);
                case NO_DATA -> child(x, "skipped", null, "no data: " + r.note(), null);
                case INCONCLUSIVE -> child(x, "skipped", null, "inconclusive: " + r.note(), null);
                default -> text(x, "system-out", line);
            }
            nl(x, 2);
            x.writeEndElement();
        }
        nl(x, 1);
        x.writeEndElement();
    }

    private static void cellSuite(XMLStreamWriter x, List<UnmatchedCell> cells, long failures) throws XMLStreamException {
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "aipc-bench gate cells");
        x.writeAttribute("tests", Integer.toString(cells.size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(cells.size() - failures));
        x.writeAttribute("time", "0");
        for (UnmatchedCell c : cells) {
            nl(x, 2);
            x.writeStartElement("testcase");
            x.writeAttribute("classname", className(c.cellId()));
            x.writeAttribute("name", "cell status");
            x.writeAttribute("time", "0");
            String line = "baseline " + c.baseline() + ", current " + c.current()
                    + (c.reason() == null || c.reason().isEmpty() ? "" : ": " + c.reason());
            if (c.fails()) {
                child(x, "failure", "cell failed", line, c.cellId() + "\n" + line);
            } else {
                child(x, "skipped", null, "not compared: " + line, null);
            }
            nl(x, 2);
            x.writeEndElement();
        }
        nl(x, 1);
        x.writeEndElement();
    }

    private static void properties(XMLStreamWriter x, GateSettings s) throws XMLStreamException {
        nl(x, 2);
        x.writeStartElement("properties");
        property(x, "baseline", String.join(",", s.baselineRuns()));
        property(x, "current", s.currentRun());
        property(x, "threshold", GatePercent.format(s.defaultThresholdPct()));
        property(x, "confidence", Double.toString(s.confidence()));
        property(x, "resamples", Integer.toString(s.resamples()));
        property(x, "seed", Long.toString(s.seed()));
        nl(x, 2);
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        nl(x, 3);
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", clean(value));
    }

    /** {@code tpot_ms: 25.31 ms -> 27.91 ms, ratio 1.103 (+10.3%), 95% CI [1.081, 1.121]: regression, 10.3% worse (threshold 5%)}. */
    static String summary(GateRow r, double confidence) {
        return String.format(Locale.ROOT, "%s: %s -> %s, ratio %s, %s CI %s: %s%s", r.metric(),
                GateFormat.value(r.baselineMedian(), r.unit()), GateFormat.value(r.currentMedian(), r.unit()),
                GateFormat.ratio(r.ratio()), GateFormat.confidence(confidence), GateFormat.interval(r.ciLow(), r.ciHigh()),
                r.verdict().label(), r.note().isEmpty() ? "" : ", " + r.note());
    }

    private static void child(XMLStreamWriter x, String element, String type, String message, String body)
            throws XMLStreamException {
        nl(x, 3);
        if (body == null) {
            x.writeEmptyElement(element);
        } else {
            x.writeStartElement(element);
        }
        x.writeAttribute("message", GateFormat.oneLine(message));
        if (type != null) {
            x.writeAttribute("type", type);
        }
        if (body != null) {
            x.writeCharacters(clean(body));
            x.writeEndElement();
        }
    }

    private static void text(XMLStreamWriter x, String element, String body) throws XMLStreamException {
        nl(x, 3);
        x.writeStartElement(element);
        x.writeCharacters(clean(body));
        x.writeEndElement();
    }

    // CI tools group testcases by the dots of classname: runtime, device, precision, workload
    // (a dot inside a part, as in llama.cpp, would split it)
    private static String className(String cellId) {
        return "gate." + clean(cellId).replace('.', '_').replace('/', '.');
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops characters XML 1.0 cannot hold at all (control characters from a fork's stderr, say). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(JUnitXmlWriter::allowed).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
