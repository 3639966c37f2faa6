package dev.aipcbench.harness.model.openvino;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * An OpenVINO IR v11 graph being built: layers (an op type, its opset, its {@code <data>} attributes, its
 * input ports wired to earlier outputs), the edges between them, {@code rt_info}, and the constants'
 * bytes streamed to the {@code .bin} as they are added. {@link #write} then writes the XML the way
 * {@code ov::save_model} does: ports numbered inputs first, then outputs; a precision on every port
 * (OpenVINO's reader requires it); tensor names on output ports. Port dimensions are left out: the
 * reader infers every shape from the Parameters and Constants.
 */
public final class IrGraph {
    /** One output of a layer, to wire into later layers. */
    public record Port(int layer, int index, IrType type) {
    }

    private final String name;
    private final IrBinFile bin;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Object> rtInfo = new LinkedHashMap<>();

    IrGraph(String name, IrBinFile bin) {
        this.name = name;
        this.bin = bin;
    }

    private static final class Layer {
        final int id;
        final String type;
        final String version;
        final String name;
        final Map<String, String> data;
        final List<Port> inputs;
        final List<IrType> outputs;
        final Map<Integer, String> outputNames = new LinkedHashMap<>();
        String resultNames;

        Layer(int id, String type, String version, String name, Map<String, String> data, List<Port> inputs, List<IrType> outputs) {
            this.id = id;
            this.type = type;
            this.version = version;
            this.name = name;
            this.data = data;
            this.inputs = inputs;
            this.outputs = outputs;
        }
    }

    /** A layer of {@code type} from {@code version} (e.g. {@code opset1}, or {@code extension} for custom ops). */
    public Op op(String type, String version) {
        return new Op(type, version);
    }

    /** Builds one layer. */
    public final class Op {
        private final String type;
        private final String version;
        private String layerName;
        private final Map<String, String> data = new LinkedHashMap<>();
        private final List<Port> inputs = new ArrayList<>();
        private final List<IrType> outputs = new ArrayList<>();

        private Op(String type, String version) {
            this.type = type;
            this.version = version;
        }

        public Op name(String n) {
            layerName = n;
            return this;
        }

        public Op attr(String key, Object value) {
            data.put(key, String.valueOf(value));
            return this;
        }

        public Op in(Port... ports) {
            inputs.addAll(List.of(ports));
            return this;
        }

        public Op out(IrType... types) {
            outputs.addAll(List.of(types));
            return this;
        }

        /** Adds the layer and returns its outputs. */
        public Port[] build() {
            int id = layers.size();
            String n = layerName != null ? layerName : type + "_" + id;
            layers.add(new Layer(id, type, version, n, data, List.copyOf(inputs), List.copyOf(outputs)));
            Port[] out = new Port[outputs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Port(id, inputs.size() + i, outputs.get(i));
            }
            return out;
        }

        /** Adds a layer of one output and returns it. */
        public Port one() {
            if (outputs.size() != 1) {
                throw new IllegalStateException(type + " has " + outputs.size() + " outputs");
            }
            return build()[0];
        }
    }

    /** A model input, e.g. {@code input_ids} of shape {@code ?,?}; the tensor carries the same name. */
    public Port parameter(String tensorName, IrType type, String shape) {
        Port p = op("Parameter", "opset1").name(tensorName).attr("shape", shape).attr("element_type", type.id()).out(type).one();
        names(p, tensorName);
        return p;
    }

    /**
     * A Const whose {@code size} bytes {@code fill} writes into the {@code .bin} now (absolute positions from 0,
     * little-endian).
     */
    public Port constant(String constName, IrType type, long[] shape, Consumer<ByteBuffer> fill) throws IOException {
        long elements = 1;
        for (long d : shape) {
            elements *= d;
        }
        long size = Math.max(1, type.bytes(elements)); // an empty constant still owns a byte, as OpenVINO writes it
        long offset = bin.append(size, fill);
        return op("Const", "opset1").name(constName).attr("element_type", type.id()).attr("shape", shape(shape))
                .attr("offset", offset).attr("size", size).out(type).one();
    }

    /** Gives an output port tensor names (the names runtimes look inputs and outputs up by). */
    public void names(Port port, String... tensorNames) {
        layers.get(port.layer()).outputNames.put(port.index(), String.join(",", tensorNames));
    }

    /** A model output named {@code tensorName}. */
    public void result(Port port, String tensorName) {
        names(port, tensorName);
        Port[] none = op("Result", "opset1").name(tensorName + "/Result").in(port).build();
        layers.get(layers.size() - 1).resultNames = tensorName;
        assert none.length == 0;
    }

    /** A sink that has no consumer (Assign); it is added like any layer and kept by OpenVINO as a sink. */
    public void sink(Op op) {
        op.build();
    }

    /** {@code rt_info} entry {@code <key value="value"/>} (a null value writes {@code <key/>}). */
    public void rtInfo(String key, String value) {
        rtInfo.put(key, value);
    }

    /** Nested {@code rt_info} entry, e.g. {@code runtime_options/KV_CACHE_PRECISION}. */
    @SuppressWarnings("unchecked")
    public void rtInfo(String section, String key, String value) {
        ((Map<String, Object>) rtInfo.computeIfAbsent(section, k -> new LinkedHashMap<String, Object>())).put(key, value);
    }

    /** Bytes of constants written so far. */
    public long constantBytes() {
        return bin.written();
    }

    /** {@code [2, 3]} as the IR writes it: {@code 2, 3}; a scalar is empty. */
    static String shape(long[] dims) {
        StringJoiner j = new StringJoiner(", ");
        for (long d : dims) {
            j.add(Long.toString(d));
        }
        return j.toString();
    }

    /** Writes the XML (written aside and moved into place). */
    public void write(Path xml) throws IOException {
        Path partial = xml.resolveSibling(xml.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writeNet(w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + xml + ": " + e.getMessage(), e);
        }
        Files.move(partial, xml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeNet(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("net");
        w.writeAttribute("name", name);
        w.writeAttribute("version", "11");
        indent(w, 1);
        w.writeStartElement("layers");
        for (Layer l : layers) {
            writeLayer(w, l);
        }
        indent(w, 1);
        w.writeEndElement();
        indent(w, 1);
        w.writeStartElement("edges");
        for (Layer l : layers) {
            for (int i = 0; i < l.inputs.size(); i++) {
                Port from = l.inputs.get(i);
                indent(w, 2);
                w.writeEmptyElement("edge");
                w.writeAttribute("from-layer", Integer.toString(from.layer()));
                w.writeAttribute("from-port", Integer.toString(from.index()));
                w.writeAttribute("to-layer", Integer.toString(l.id));
                w.writeAttribute("to-port", Integer.toString(i));
            }
        }
        indent(w, 1);
        w.writeEndElement();
        indent(w, 1);
        w.writeStartElement("rt_info");
        writeRtInfo(w, rtInfo, 2);
        indent(w, 1);
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    @SuppressWarnings("unchecked")
    private static void writeRtInfo(XMLStreamWriter w, Map<String, Object> entries, int depth) throws XMLStreamException {
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            indent(w, depth);
            if (e.getValue() instanceof Map) {
                w.writeStartElement(e.getKey());
                writeRtInfo(w, (Map<String, Object>) e.getValue(), depth + 1);
                indent(w, depth);
                w.writeEndElement();
            } else {
                w.writeEmptyElement(e.getKey());
                if (e.getValue() != null) {
                    w.writeAttribute("value", (String) e.getValue());
                }
            }
        }
    }

    private void writeLayer(XMLStreamWriter w, Layer l) throws XMLStreamException {
        indent(w, 2);
        w.writeStartElement("layer");
        w.writeAttribute("id", Integer.toString(l.id));
        w.writeAttribute("name", l.name);
        w.writeAttribute("type", l.type);
        w.writeAttribute("version", l.version);
        if (l.resultNames != null) {
            w.writeAttribute("output_names", l.resultNames);
        }
        if (!l.data.isEmpty()) {
            indent(w, 3);
            w.writeEmptyElement("data");
            for (Map.Entry<String, String> a : l.data.entrySet()) {
                w.writeAttribute(a.getKey(), a.getValue());
            }
        }
        if (!l.inputs.isEmpty()) {
            indent(w, 3);
            w.writeStartElement("input");
            for (int i = 0; i < l.inputs.size(); i++) {
                indent(w, 4);
                w.writeEmptyElement("port");
                w.writeAttribute("id", Integer.toString(i));
                w.writeAttribute("precision", l.inputs.get(i).type().precision());
            }
            indent(w, 3);
            w.writeEndElement();
        }
        if (!l.outputs.isEmpty()) {
            indent(w, 3);
            w.writeStartElement("output");
            for (int i = 0; i < l.outputs.size(); i++) {
                int id = l.inputs.size() + i;
                indent(w, 4);
                w.writeEmptyElement("port");
                w.writeAttribute("id", Integer.toString(id));
                w.writeAttribute("precision", l.outputs.get(i).precision());
                String names = l.outputNames.get(id);
                if (names != null) {
                    w.writeAttribute("names", names);
                }
            }
            indent(w, 3);
            w.writeEndElement();
        }
        indent(w, 2);
        w.writeEndElement();
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "\t".repeat(depth));
    }
}
