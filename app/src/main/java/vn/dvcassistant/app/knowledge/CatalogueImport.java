package vn.dvcassistant.app.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.kb.catalogue.CatalogueRefused;
import vn.dvcassistant.kb.catalogue.CatalogueTable;

import java.util.List;

/** Imports an uploaded catalogue: all its valid rows replace the catalogue, every instance reloads. */
@Singleton
public class CatalogueImport {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImport.class);

    /**
     * @param unknownFields field names not in the table, whose rows were filed under dvc-chung
     */
    @Serdeable
    public record Report(int imported, int updated, int retired, List<Rejected> rejected, List<String> unknownFields) {
    }

    /** A row not imported: its number as the spreadsheet shows it, and why. */
    @Serdeable
    public record Rejected(int row, String message) {
    }

    private final CatalogueStore store;
    private final ContentSync sync;

    CatalogueImport(CatalogueStore store, ContentSync sync) {
        this.store = store;
        this.sync = sync;
    }

    /** @throws CatalogueRefused when the file is refused whole; nothing is changed then */
    public Report importFile(String fileName, byte[] bytes, String user) {
        List<List<String>> table = CatalogueFile.read(fileName, bytes);
        if (table.isEmpty()) {
            throw new CatalogueRefused("Tệp trống.");
        }
        CatalogueTable.Parsed parsed = CatalogueTable.parse(table.get(0), table.subList(1, table.size()));
        if (parsed.rows().isEmpty()) {
            // Importing it would retire the whole catalogue.
            throw new CatalogueRefused("Tệp không có dòng hợp lệ nào; danh mục được giữ nguyên.");
        }
        CatalogueStore.Counts counts = store.replaceAll(parsed.rows(), user, fileName == null ? "" : fileName,
                parsed.rejected().size());
        LOG.info("catalogue=imported rows={} new={} updated={} retired={} rejected={}", parsed.rows().size(),
                counts.imported(), counts.updated(), counts.retired(), parsed.rejected().size());
        Thread reload = new Thread(sync::poll, "catalogue-reload");
        reload.setDaemon(true);
        reload.start();
        return new Report(counts.imported(), counts.updated(), counts.retired(),
                parsed.rejected().stream().map(r -> new Rejected(r.row(), r.message())).toList(),
                List.copyOf(parsed.unknownFields()));
    }
}
