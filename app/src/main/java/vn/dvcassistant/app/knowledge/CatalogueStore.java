package vn.dvcassistant.app.knowledge;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.catalogue.CatalogueRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The procedure catalogue in PostgreSQL: rows by entry id, retired rather than deleted. */
@Singleton
public class CatalogueStore {

    /**
     * @param updatedOn the day the row was last imported, in the province's zone
     */
    public record StoredRow(CatalogueRow row, LocalDate updatedOn) {
    }

    public record Counts(int imported, int updated, int retired) {
    }

    private final TransactionOperations<Connection> transactions;

    CatalogueStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Stores a whole catalogue: new rows are added, known ones updated (a retired one comes back), rows
     * missing from it are retired; the content revision moves so every instance reloads. One transaction.
     */
    public Counts replaceAll(List<CatalogueRow> rows, String user, String fileName, int rejected) {
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try {
                try (PreparedStatement lock = c.prepareStatement("select revision from kb_revision where id = 1 for update")) {
                    lock.executeQuery().close();
                }
                Set<String> known = new HashSet<>();
                try (PreparedStatement s = c.prepareStatement("select entry_id from catalogue_entry");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
                int imported = 0;
                int updated = 0;
                try (PreparedStatement upsert = c.prepareStatement("insert into catalogue_entry (entry_id, code, name, "
                        + "field_name, field, level, authority, processing_time, fee, online, legal_basis, official_url, "
                        + "first_imported, updated_at, retired_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), null) "
                        + "on conflict (entry_id) do update set code = excluded.code, name = excluded.name, "
                        + "field_name = excluded.field_name, field = excluded.field, level = excluded.level, "
                        + "authority = excluded.authority, processing_time = excluded.processing_time, fee = excluded.fee, "
                        + "online = excluded.online, legal_basis = excluded.legal_basis, official_url = excluded.official_url, "
                        + "updated_at = now(), retired_at = null")) {
                    Set<String> inFile = new HashSet<>();
                    for (CatalogueRow r : rows) {
                        String id = r.topicId();
                        inFile.add(id);
                        if (known.contains(id)) {
                            updated++;
                        } else {
                            imported++;
                        }
                        int i = 1;
                        for (String v : List.of(id, r.code(), r.name(), r.fieldName(), r.field().code(), r.level(),
                                r.authority(), r.processingTime(), r.fee(), r.online(), r.legalBasis(), r.officialUrl())) {
                            upsert.setString(i++, v);
                        }
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                    int retired;
                    try (PreparedStatement retire = c.prepareStatement("update catalogue_entry set retired_at = now() "
                            + "where retired_at is null and not (entry_id = any (?))")) {
                        retire.setArray(1, c.createArrayOf("text", inFile.toArray()));
                        retired = retire.executeUpdate();
                    }
                    try (PreparedStatement log = c.prepareStatement("insert into catalogue_import "
                            + "(imported_by, file_name, imported, updated, retired, rejected) values (?, ?, ?, ?, ?, ?)")) {
                        log.setString(1, user);
                        log.setString(2, fileName);
                        log.setInt(3, imported);
                        log.setInt(4, updated);
                        log.setInt(5, retired);
                        log.setInt(6, rejected);
                        log.executeUpdate();
                    }
                    try (PreparedStatement bump = c.prepareStatement(
                            "update kb_revision set revision = revision + 1, changed_at = now() where id = 1")) {
                        bump.executeUpdate();
                    }
                    return new Counts(imported, updated, retired);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Catalogue store: " + e.getMessage(), e);
            }
        });
    }

    /** The rows still answered. */
    public List<StoredRow> activeRows(ZoneId zone) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("select code, name, field_name, field, "
                    + "level, authority, processing_time, fee, online, legal_basis, official_url, updated_at "
                    + "from catalogue_entry where retired_at is null order by entry_id");
                 ResultSet rs = s.executeQuery()) {
                List<StoredRow> out = new ArrayList<>();
                while (rs.next()) {
                    CatalogueRow row = new CatalogueRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            Field.fromCode(rs.getString(4)).orElse(Field.DVC_CHUNG), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                    Instant updated = rs.getTimestamp(12).toInstant();
                    out.add(new StoredRow(row, LocalDate.ofInstant(updated, zone)));
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Catalogue store: " + e.getMessage(), e);
            }
        });
    }
}
