package vn.dvcassistant.app.admin.chart;

import java.util.List;
import java.util.Locale;

/**
 * Draws the dashboard charts as inline SVG on the server, so the dashboard loads nothing from outside.
 * Every text that reaches the SVG (agency names, month labels) is XML-escaped here, because the page
 * inserts the SVG unescaped.
 */
public final class SvgCharts {

    private static final String GOOD = "#1b7f3b";
    private static final String BAD = "#b3261e";
    private static final String NONE = "#9e9e9e";
    private static final String TRACK = "#e6e6e6";
    private static final String TARGET = "#222222";

    private final String noData;
    private final String targetWord;

    /**
     * @param noData     shown when a chart has nothing to draw
     * @param targetWord the word for "target" under a gauge
     */
    public SvgCharts(String noData, String targetWord) {
        this.noData = noData;
        this.targetWord = targetWord;
    }

    /** How a figure stands against its target: the colour it is drawn in. */
    public enum Tone { MET, NOT_MET, UNDECIDED }

    /**
     * One point of a chart; {@code ratio} is null when there were no ratings. {@code tone} null: coloured
     * by the ratio against the target.
     */
    public record Point(String label, Double ratio, long count, Tone tone) {
        public Point(String label, Double ratio, long count) {
            this(label, ratio, count, null);
        }
    }

    /**
     * A half-circle gauge filled to {@code ratio} with a tick at {@code target}; green when the target
     * is met, red when not, grey without data.
     */
    public String gauge(String title, Double ratio, double target, long count) {
        return gauge(title, ratio, target, count, null, null);
    }

    /**
     * A gauge in the colour of {@code tone} (grey when undecided, so two ratings never show green or red),
     * with {@code note} (such as "not enough data") under it when given.
     */
    public String gauge(String title, Double ratio, double target, long count, Tone tone, String note) {
        double cx = 100;
        double cy = 100;
        double r = 80;
        String color = tone == null ? color(ratio, target) : color(tone);
        StringBuilder svg = open(200, note == null ? 130 : 150,
                title + ": " + percent(ratio) + " (" + count + ")" + (note == null ? "" : ", " + note));
        svg.append(arc(cx, cy, r, 0, 1, TRACK));
        if (ratio != null && ratio > 0) {
            svg.append(arc(cx, cy, r, 0, Math.min(1, ratio), color));
        }
        double angle = Math.PI * (1 - target);
        double x1 = cx + (r - 16) * Math.cos(angle);
        double y1 = cy - (r - 16) * Math.sin(angle);
        double x2 = cx + (r + 16) * Math.cos(angle);
        double y2 = cy - (r + 16) * Math.sin(angle);
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>",
                x1, y1, x2, y2, TARGET));
        svg.append(text(cx, cy - 10, percent(ratio), 26, "middle", color, true));
        svg.append(text(cx, cy + 22, "n = " + count(count) + " · " + targetWord + " " + percent(target), 12, "middle", "#444", false));
        if (note != null) {
            svg.append(text(cx, cy + 42, note, 13, "middle", "#444", true));
        }
        return svg.append("</svg>").toString();
    }

    /** A line per month with a dashed target line; months without ratings break the line. */
    public String trend(String title, List<Point> points, double target) {
        int width = 640;
        int height = 240;
        int left = 44;
        int right = 16;
        int top = 16;
        int bottom = 40;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = open(width, height, title);
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + plotH * (1 - pct / 100.0);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>", left, y, width - right, y, TRACK));
            svg.append(text(left - 6, y + 4, pct + "%", 11, "end", "#444", false));
        }
        double targetY = top + plotH * (1 - target);
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>",
                left, targetY, width - right, targetY, TARGET));
        if (points.isEmpty()) {
            svg.append(text(width / 2.0, height / 2.0, noData, 14, "middle", NONE, false));
            return svg.append("</svg>").toString();
        }
        double step = points.size() == 1 ? 0 : plotW / (points.size() - 1);
        StringBuilder path = new StringBuilder();
        boolean penDown = false;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = points.size() == 1 ? left + plotW / 2 : left + i * step;
            svg.append(text(x, height - bottom + 18, p.label(), 11, "middle", "#444", false));
            if (p.ratio() == null) {
                penDown = false;
                continue;
            }
            double y = top + plotH * (1 - p.ratio());
            path.append(penDown ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            penDown = true;
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s (%d)</title></circle>",
                    x, y, color(p, target), escape(p.label()), percent(p.ratio()), p.count()));
        }
        if (!path.isEmpty()) {
            svg.insert(svg.indexOf("<circle") < 0 ? svg.length() : svg.indexOf("<circle"),
                    "<path d=\"" + path.toString().strip() + "\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per row in the given order, with the target as a vertical dashed line. */
    public String ranking(String title, List<Point> rows, double target) {
        int labelW = 220;
        int barW = 300;
        int rowH = 26;
        int width = labelW + barW + 90;
        int height = Math.max(1, rows.size()) * rowH + 24;
        StringBuilder svg = open(width, height, title);
        if (rows.isEmpty()) {
            svg.append(text(width / 2.0, 20, noData, 14, "middle", NONE, false));
            return svg.append("</svg>").toString();
        }
        for (int i = 0; i < rows.size(); i++) {
            Point p = rows.get(i);
            double y = 8 + i * rowH;
            svg.append(text(labelW - 8, y + 15, shorten(p.label(), 34), 12, "end", "#222", false));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"18\" fill=\"%s\"/>", labelW, y, barW, TRACK));
            double w = p.ratio() == null ? 0 : barW * p.ratio();
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
                    labelW, y, w, color(p, target)));
            svg.append(text(labelW + barW + 6, y + 14, percent(p.ratio()) + " (" + count(p.count()) + ")", 12, "start",
                    "#222", false));
        }
        double tx = labelW + barW * target;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
                tx, tx, height - 4, TARGET));
        return svg.append("</svg>").toString();
    }

    static String percent(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.1f%%", ratio * 100).replace('.', ',');
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }

    private static String color(Point p, double target) {
        return p.tone() == null ? color(p.ratio(), target) : color(p.tone());
    }

    private static String color(Tone tone) {
        return switch (tone) {
            case MET -> GOOD;
            case NOT_MET -> BAD;
            case UNDECIDED -> NONE;
        };
    }

    private static String color(Double ratio, double target) {
        if (ratio == null) {
            return NONE;
        }
        return ratio >= target ? GOOD : BAD;
    }

    private static StringBuilder open(int width, int height, String label) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, height, width, height, escape(label), escape(label)));
    }

    /** An arc of the upper half circle from fraction {@code from} to {@code to} (0 = left, 1 = right). */
    private static String arc(double cx, double cy, double r, double from, double to, String color) {
        double a1 = Math.PI * (1 - from);
        double a2 = Math.PI * (1 - to);
        return String.format(Locale.ROOT,
                "<path d=\"M %.2f %.2f A %.1f %.1f 0 0 1 %.2f %.2f\" fill=\"none\" stroke=\"%s\" stroke-width=\"18\"/>",
                cx + r * Math.cos(a1), cy - r * Math.sin(a1), r, r, cx + r * Math.cos(a2), cy - r * Math.sin(a2), color);
    }

    private static String text(double x, double y, String content, int size, String anchor, String color, boolean bold) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>",
                x, y, size, anchor, color, bold ? " font-weight=\"bold\"" : "", escape(content));
    }

    private static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }
}
