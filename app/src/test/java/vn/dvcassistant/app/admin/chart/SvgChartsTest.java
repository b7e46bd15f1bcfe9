package vn.dvcassistant.app.admin.chart;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartsTest {

    private final SvgCharts charts = new SvgCharts("Chưa có dữ liệu", "mục tiêu");

    @Test
    void gaugeIsGreenWhenTheTargetIsMetAndRedWhenNot() throws Exception {
        String met = charts.gauge("Tổng", 0.93, 0.90, 120);
        String missed = charts.gauge("Đất đai", 0.80, 0.85, 40);
        parse(met);
        parse(missed);
        assertThat(met).contains("93,0%").contains("#1b7f3b").doesNotContain("#b3261e");
        assertThat(missed).contains("80,0%").contains("#b3261e");
    }

    @Test
    void gaugeWithoutRatingsSaysSoInsteadOfShowingZero() throws Exception {
        String svg = charts.gauge("Đầu tư", null, 0.85, 0);
        parse(svg);
        assertThat(svg).contains(">–<").doesNotContain("0,0%");
    }

    @Test
    void labelsAreEscapedSoAnAgencyNameCannotInjectMarkup() throws Exception {
        String svg = charts.ranking("Xếp hạng", List.of(
                new SvgCharts.Point("<script>alert(1)</script> & Sở", 0.95, 10)), 0.90);
        parse(svg);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void trendDrawsOneDotPerMonthWithDataAndAllMonthLabels() throws Exception {
        String svg = charts.trend("Theo tháng", List.of(
                new SvgCharts.Point("01/2025", 0.91, 10),
                new SvgCharts.Point("02/2025", null, 0),
                new SvgCharts.Point("03/2025", 0.88, 7)), 0.90);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(svg).contains("01/2025").contains("02/2025").contains("03/2025");
        // The month without ratings breaks the line: two separate moves, no line through it.
        assertThat(svg).containsPattern("d=\"M[^\"]+ M[^\"]+\"");
    }

    @Test
    void emptyChartsSayThereIsNoData() throws Exception {
        parse(charts.trend("t", List.of(), 0.9));
        assertThat(charts.ranking("r", List.of(), 0.9)).contains("Chưa có dữ liệu");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
