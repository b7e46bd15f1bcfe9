package vn.dvcassistant.app.report;

import java.util.List;

/**
 * The year-end report as neutral content: a title, lines about the period and scope, then numbered
 * sections of paragraphs and tables of text already formatted in Vietnamese. The DOCX and the printable
 * HTML page both render exactly this, so they cannot say different things.
 */
public record ReportDocument(String title, List<String> heading, List<Section> sections) {

    public record Section(String title, List<String> paragraphs, List<Table> tables) {
    }

    public record Table(List<String> headers, List<List<String>> rows) {
    }
}
