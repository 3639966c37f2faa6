package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.model.ModelFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Greedy sampling inside OpenVINO: the model's XML is given, on its way to {@code ov_core_read_model}, a
 * {@code TopK} over {@code logits} along the vocabulary and an output {@code aipc_bench.next_token} (i64
 * {@code [batch, seq, 1]}), so a decode step hands back one id instead of a vocabulary-wide row (which on a
 * GPU or NPU would also cross to the host). OpenVINO's C API cannot add nodes to a model, and an IR's
 * constants live in its {@code .bin}, which is not ours to extend; so the head is built without constants:
 * {@code k} is {@code Squeeze(ShapeOf(beam_idx))}, the batch size, which is 1 in the suite's loop. The model
 * files are not touched: the amended XML goes to a temporary file read with the original {@code .bin}.
 * A model without {@code beam_idx} (not optimum's stateful layout) or {@code logits} gets no head.
 */
final class OvGreedyHead {
    /** The output the head adds. */
    static final String NEXT_TOKEN = "aipc_bench.next_token";

    private OvGreedyHead() {
    }

    /** What the model's XML says, beside the head. */
    record Amended(Path xml, boolean hasHead, int stateVariables) {
    }

    /**
     * Reads {@code modelXml}, counts its state variables and, when {@code withHead} and the model allows it,
     * writes the XML with the head to {@code target}.
     */
    static Amended amend(Path modelXml, boolean withHead, Path target) {
        Document doc = parse(modelXml);
        NodeList layers = doc.getElementsByTagName("layer");
        int readValues = 0;
        int maxId = -1;
        String[] beam = null;
        String[] logits = null;
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            maxId = Math.max(maxId, Integer.parseInt(layer.getAttribute("id")));
            if ("ReadValue".equals(layer.getAttribute("type"))) {
                readValues++;
            }
            NodeList outputs = layer.getElementsByTagName("output");
            if (outputs.getLength() == 0) {
                continue;
            }
            NodeList ports = ((Element) outputs.item(0)).getElementsByTagName("port");
            for (int p = 0; p < ports.getLength(); p++) {
                Element port = (Element) ports.item(p);
                String[] names = port.getAttribute("names").split(",");
                String[] where = {layer.getAttribute("id"), port.getAttribute("id"), port.getAttribute("precision")};
                if (Arrays.asList(names).contains("beam_idx") && "Parameter".equals(layer.getAttribute("type"))) {
                    beam = where;
                }
                if (Arrays.asList(names).contains("logits")) {
                    logits = where;
                }
            }
        }
        if (!withHead || beam == null || logits == null) {
            return new Amended(modelXml, false, readValues);
        }
        Element layersElement = (Element) doc.getElementsByTagName("layers").item(0);
        Element edges = (Element) doc.getElementsByTagName("edges").item(0);
        int shape = maxId + 1;
        int squeeze = maxId + 2;
        int topK = maxId + 3;
        int result = maxId + 4;
        layersElement.appendChild(layer(doc, shape, "ShapeOf", "opset3", new String[] {"output_type", "i64"},
                new String[] {beam[2]}, new String[] {"I64"}, null));
        layersElement.appendChild(layer(doc, squeeze, "Squeeze", "opset1", null, new String[] {"I64"}, new String[] {"I64"}, null));
        layersElement.appendChild(layer(doc, topK, "TopK", "opset11",
                new String[] {"axis", "-1", "mode", "max", "sort", "none", "index_element_type", "i64", "stable", "false"},
                new String[] {logits[2], "I64"}, new String[] {logits[2], "I64"}, NEXT_TOKEN));
        Element res = layer(doc, result, "Result", "opset1", null, new String[] {"I64"}, new String[0], null);
        res.setAttribute("output_names", NEXT_TOKEN);
        layersElement.appendChild(res);
        edge(doc, edges, beam[0], beam[1], shape, 0);
        edge(doc, edges, Integer.toString(shape), "1", squeeze, 0);
        edge(doc, edges, logits[0], logits[1], topK, 0);
        edge(doc, edges, Integer.toString(squeeze), "1", topK, 1);
        edge(doc, edges, Integer.toString(topK), "3", result, 0);
        write(doc, target);
        return new Amended(target, true, readValues);
    }

    /** A layer; input ports numbered from 0, outputs after them; {@code lastName} names the last output. */
    private static Element layer(Document doc, int id, String type, String version, String[] data, String[] inputs, String[] outputs,
                                 String lastName) {
        Element l = doc.createElement("layer");
        l.setAttribute("id", Integer.toString(id));
        l.setAttribute("name", "aipc_bench/greedy/" + type);
        l.setAttribute("type", type);
        l.setAttribute("version", version);
        if (data != null) {
            Element d = doc.createElement("data");
            for (int i = 0; i < data.length; i += 2) {
                d.setAttribute(data[i], data[i + 1]);
            }
            l.appendChild(d);
        }
        Element in = doc.createElement("input");
        for (int i = 0; i < inputs.length; i++) {
            in.appendChild(port(doc, i, inputs[i], null));
        }
        l.appendChild(in);
        if (outputs.length > 0) {
            Element out = doc.createElement("output");
            for (int i = 0; i < outputs.length; i++) {
                out.appendChild(port(doc, inputs.length + i, outputs[i], i == outputs.length - 1 ? lastName : null));
            }
            l.appendChild(out);
        }
        return l;
    }

    private static Element port(Document doc, int id, String precision, String names) {
        Element p = doc.createElement("port");
        p.setAttribute("id", Integer.toString(id));
        p.setAttribute("precision", precision);
        if (names != null) {
            p.setAttribute("names", names);
        }
        return p;
    }

    private static void edge(Document doc, Element edges, String fromLayer, String fromPort, int toLayer, int toPort) {
        Element e = doc.createElement("edge");
        e.setAttribute("from-layer", fromLayer);
        e.setAttribute("from-port", fromPort);
        e.setAttribute("to-layer", Integer.toString(toLayer));
        e.setAttribute("to-port", Integer.toString(toPort));
        edges.appendChild(e);
    }

    private static Document parse(Path xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(xml.toFile());
        } catch (SAXException e) {
            throw new ModelFormatException(xml, "not a valid OpenVINO IR (XML): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(xml, "cannot be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Document doc, Path target) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(target.toFile()));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the amended model XML to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The {@code .bin} beside an IR's XML. */
    static Optional<Path> weightsOf(Path xml) {
        String name = xml.getFileName().toString();
        Path bin = xml.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".bin");
        return java.nio.file.Files.isRegularFile(bin) ? Optional.of(bin) : Optional.empty();
    }
}
