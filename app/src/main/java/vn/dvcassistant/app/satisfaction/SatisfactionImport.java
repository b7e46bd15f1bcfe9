package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports the results of a periodic survey (paper forms, phone surveys, desk interviews) from a CSV or XLSX
 * file. Every valid row is stored with channel {@link Channel#PERIODIC} under one batch (who imported it,
 * when, which file), so the batch can be removed as a whole; every wrong row is reported with its row
 * number and skipped, never refusing the whole file for it.
 */
@Singleton
public final class SatisfactionImport {

    /** The columns of the template, as staff see them. */
    public static final List<String> COLUMNS = List.of("Ngày", "Chủ đề", "Lĩnh vực", "Cơ quan", "Mức độ", "Hình thức");

    private static final Map<String, String> MODES = Map.of("giay", "giay", "dien thoai", "dien-thoai",
            "truc tiep", "truc-tiep");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_ROWS = 100_000;

    @Serdeable
    public record Rejected(int row, String message) {
    }

    @Serdeable
    public record Result(String batch, int imported, List<Rejected> rejected) {
    }

    /** One imported file, as the staff page lists it. */
    public record Batch(String id, String importedBy, Instant importedAt, String fileName, int imported, int rejected) {
    }

    private record Valid(Topic topic, Field field, String agency, SatisfactionLevel level, String mode, LocalDate day) {
    }

    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final ProvinceClock clock;
    private final TransactionOperations<Connection> transactions;
    private final SatisfactionRollup rollup;
    private final Messages messages;

    SatisfactionImport(KnowledgeBase knowledgeBase, AgencyDirectory agencies, ProvinceClock clock,
                       TransactionOperations<Connection> transactions, SatisfactionRollup rollup, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.clock = clock;
        this.transactions = transactions;
        this.rollup = rollup;
        this.messages = messages;
    }

    public Result importFile(@Nullable String fileName, byte[] bytes, StaffMember staff) {
        List<SurveyFileRows.Line> lines = SurveyFileRows.read(fileName, bytes)
                .orElseThrow(() -> Refusal.invalid("import_unreadable"));
        if (lines.isEmpty()) {
            throw Refusal.invalid("import_empty");
        }
        if (lines.size() > MAX_ROWS) {
            throw Refusal.invalid("import_too_many_rows");
        }
        Map<String, Integer> header = header(lines.get(0).cells());
        if (!header.containsKey("ngay") || !header.containsKey("muc do") || !header.containsKey("hinh thuc")
                || (!header.containsKey("chu de") && !header.containsKey("linh vuc"))) {
            throw Refusal.invalid("import_missing_columns");
        }
        List<Valid> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (SurveyFileRows.Line line : lines.subList(1, lines.size())) {
            try {
                valid.add(row(line.cells(), header, staff));
            } catch (RowError e) {
                rejected.add(new Rejected(line.number(), e.getMessage()));
            }
        }
        String batch = UUID.randomUUID().toString();
        store(batch, fileName, staff.username(), valid, rejected.size());
        return new Result(batch, valid.size(), List.copyOf(rejected));
    }

    /**
     * The batches a staff member may see and remove, newest first: all for an admin, their own imports for anyone
     * else (the same rule as {@link #remove}).
     */
    public List<Batch> batches(StaffMember staff, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT id, imported_by, imported_at, file_name, imported, rejected FROM satisfaction_import_batch "
                            + "WHERE ? OR imported_by = ? ORDER BY imported_at DESC LIMIT ?")) {
                query.setBoolean(1, staff.isAdmin());
                query.setString(2, staff.username());
                query.setInt(3, limit);
                List<Batch> batches = new ArrayList<>();
                try (java.sql.ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        batches.add(new Batch(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                rs.getString(4), rs.getInt(5), rs.getInt(6)));
                    }
                }
                return batches;
            } catch (SQLException e) {
                throw new IllegalStateException("import batches not read", e);
            }
        });
    }

    /** Removes a batch and its ratings; only an admin or the staff member who imported it. */
    public void remove(String batch, StaffMember staff) {
        int removed = transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM satisfaction_import_batch WHERE id = ? AND (? OR imported_by = ?)")) {
                delete.setString(1, batch);
                delete.setBoolean(2, staff.isAdmin());
                delete.setString(3, staff.username());
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("import batch not removed", e);
            }
        });
        if (removed == 0) {
            throw Refusal.notFound("unknown_import_batch");
        }
        // The daily counters only ever add: recount them without the removed rows.
        rollup.rebuild();
    }

    private Valid row(List<String> cells, Map<String, Integer> header, StaffMember staff) {
        LocalDate day = date(cell(cells, header, "ngay"));
        String topicId = cell(cells, header, "chu de");
        Topic topic = null;
        Field field;
        if (!topicId.isEmpty()) {
            topic = knowledgeBase.topic(topicId).orElseThrow(() -> new RowError(messages.get("import.row.topic", topicId)));
            field = topic.field();
        } else {
            String named = cell(cells, header, "linh vuc");
            if (named.isEmpty()) {
                throw new RowError(messages.get("import.row.noTopic"));
            }
            field = Arrays.stream(Field.values())
                    .filter(f -> f.code().equalsIgnoreCase(named) || fold(f.label()).equals(fold(named)))
                    .findFirst().orElseThrow(() -> new RowError(messages.get("import.row.field", named)));
        }
        String agencyText = cell(cells, header, "co quan");
        String agency = agencyText.isEmpty() ? "" : agency(agencyText, field);
        if (staff.forcedAgency() != null) {
            if (agency.isEmpty()) {
                agency = staff.forcedAgency();
            } else if (!agency.equals(staff.forcedAgency())) {
                throw new RowError(messages.get("import.row.otherAgency"));
            }
        }
        String levelText = fold(cell(cells, header, "muc do"));
        SatisfactionLevel level = Arrays.stream(SatisfactionLevel.values())
                .filter(l -> fold(messages.get("survey.level." + l.code())).equals(levelText)).findFirst()
                .orElseThrow(() -> new RowError(messages.get("import.row.level")));
        String mode = MODES.get(fold(cell(cells, header, "hinh thuc")));
        if (mode == null) {
            throw new RowError(messages.get("import.row.mode"));
        }
        return new Valid(topic, field, agency, level, mode, day);
    }

    private String agency(String text, Field field) {
        Optional<Agency> agency = agencies.find(text.strip());
        if (agency.isEmpty()) {
            agency = agencies.all().stream().filter(a -> fold(a.name()).equals(fold(text))).findFirst();
        }
        Agency found = agency.orElseThrow(() -> new RowError(messages.get("import.row.agency", text)));
        if (!found.handles(field)) {
            throw new RowError(messages.get("import.row.agencyField", found.name()));
        }
        return found.code();
    }

    private LocalDate date(String text) {
        LocalDate day;
        try {
            day = text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RowError(messages.get("import.row.date"));
        }
        if (day.isAfter(clock.today())) {
            throw new RowError(messages.get("import.row.future"));
        }
        return day;
    }

    private void store(String batch, @Nullable String fileName, String by, List<Valid> rows, int rejected) {
        Instant now = Instant.now();
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insertBatch = connection.prepareStatement("INSERT INTO satisfaction_import_batch "
                    + "(id, imported_by, imported_at, file_name, imported, rejected) VALUES (?, ?, ?, ?, ?, ?)")) {
                insertBatch.setString(1, batch);
                insertBatch.setString(2, by);
                insertBatch.setTimestamp(3, Timestamp.from(now));
                insertBatch.setString(4, fileName == null || fileName.isBlank() ? "-" : truncate(fileName, 255));
                insertBatch.setInt(5, rows.size());
                insertBatch.setInt(6, rejected);
                insertBatch.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("import batch not stored", e);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO satisfaction_rating "
                    + "(topic_id, field, agency, channel, level, satisfied, rated_on, rated_at, batch_id, survey_mode) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Valid row : rows) {
                    insert.setString(1, row.topic() == null ? "" : row.topic().id());
                    insert.setString(2, row.field().code());
                    insert.setString(3, row.agency());
                    insert.setString(4, Channel.PERIODIC.code());
                    insert.setString(5, row.level().code());
                    insert.setBoolean(6, row.level().satisfied());
                    insert.setObject(7, row.day());
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.setString(9, batch);
                    insert.setString(10, row.mode());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("imported ratings not stored", e);
            }
            return null;
        });
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            columns.putIfAbsent(fold(cells.get(i)), i);
        }
        return columns;
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
    }

    static String fold(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\s_]+", " ").strip();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A row that cannot be imported, with the Vietnamese reason. */
    private static final class RowError extends RuntimeException {
        RowError(String message) {
            super(message, null, false, false);
        }
    }
}
