package dev.aipcbench.reports.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours for series, fixed per key: the same device · precision · runtime has the same colour in
 * every chart of a report. The colours are Okabe and Ito's palette, which readers with any common
 * colour-vision deficiency still tell apart (yellow is left out: it vanishes on white).
 */
public final class SeriesPalette {
    static final Color[] COLORS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x8C6D31)
    };

    private final Map<String, Color> colors = new LinkedHashMap<>();

    /** A palette giving the keys, in this order, the palette's colours in turn. */
    public SeriesPalette(List<String> keys) {
        for (String k : keys) {
            colors.putIfAbsent(k, COLORS[colors.size() % COLORS.length]);
        }
    }

    public Color color(String key) {
        Color c = colors.get(key);
        return c != null ? c : COLORS[Math.floorMod(key.hashCode(), COLORS.length)];
    }
}
