package dev.aipcbench.reports.chart;

import org.knowm.xchart.style.markers.Marker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * A diamond twice the size of the other markers, outlined in white: marks token 0 (TTFT) so the
 * prefill spike is found at a glance even where it sits close to another series' line.
 */
final class FirstTokenMarker extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        double h = markerSize * 1.1;
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(x, y - h);
        diamond.lineTo(x + h, y);
        diamond.lineTo(x, y + h);
        diamond.lineTo(x - h, y);
        diamond.closePath();
        g.fill(diamond);
        Color fill = g.getColor();
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(diamond);
        g.setColor(fill);
    }
}
