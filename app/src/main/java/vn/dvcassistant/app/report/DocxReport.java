package vn.dvcassistant.app.report;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

/** Writes a {@link ReportDocument} as an editable Word document: A4, Times New Roman 13, plain tables. */
final class DocxReport {

    private static final String FONT = "Times New Roman";

    private DocxReport() {
    }

    static void write(ReportDocument report, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            a4(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, report.title(), 14, true);
            for (String line : report.heading()) {
                run(doc.createParagraph(), line, 13, false);
            }
            for (ReportDocument.Section section : report.sections()) {
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(240);
                run(heading, section.title(), 13, true);
                for (String paragraph : section.paragraphs()) {
                    run(doc.createParagraph(), paragraph, 13, false);
                }
                for (ReportDocument.Table table : section.tables()) {
                    table(doc, table);
                    doc.createParagraph();
                }
            }
            doc.write(out);
        }
    }

    private static void table(XWPFDocument doc, ReportDocument.Table content) {
        XWPFTable table = doc.createTable(1 + content.rows().size(), content.headers().size());
        table.setWidth("100%");
        fill(table.getRow(0), content.headers(), true);
        for (int r = 0; r < content.rows().size(); r++) {
            fill(table.getRow(r + 1), content.rows().get(r), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c), 11, bold);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text == null ? "" : text);
    }

    /** A4 portrait with 2 cm margins (3 cm on the left, as administrative documents are bound). */
    private static void a4(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(1134));
    }
}
