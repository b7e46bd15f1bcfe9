package vn.dvcassistant.app.agencies;

import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every change to the agency directory: adding or editing agencies (from an uploaded file or the page's form,
 * checked as a whole and applied in one transaction, or not at all) and deactivating or reactivating one.
 * Codes never change and agencies are never deleted: ratings, comments and staff accounts keep their codes.
 */
@Singleton
public final class AgencyChanges {

    public static final int MAX_NAME = 200;

    /** A row's problem, in Vietnamese, with the row number as a spreadsheet shows it (0 for the page's form). */
    @Serdeable
    public record Problem(int row, String message) {
    }

    /** A draft and where it came from. */
    public record Row(int number, AgencyDraft draft) {
    }

    @Serdeable
    public record Applied(int created, int updated) {
    }

    /** The changes were refused as a whole; nothing was stored. */
    public static final class Rejected extends RuntimeException {
        private final List<Problem> problems;

        Rejected(List<Problem> problems) {
            super("agency_rows_invalid", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private record Stored(String kind, @Nullable String parent, boolean active) {
    }

    private final TransactionOperations<Connection> transactions;
    private final AgencyDirectory directory;
    private final Messages messages;

    AgencyChanges(TransactionOperations<Connection> transactions, AgencyDirectory directory, Messages messages) {
        this.transactions = transactions;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Adds new codes and updates existing ones (name, parent, kind, fields; an existing agency keeps whether it is
     * active). {@code earlier} are problems found while reading the rows (unknown kind or field): any problem at
     * all refuses everything.
     */
    public Applied apply(List<Row> rows, List<Problem> earlier, String actor) {
        try {
            return transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                try {
                    lockVersion(connection);
                    Map<String, Stored> stored = stored(connection);
                    List<Problem> problems = new ArrayList<>(earlier);
                    problems.addAll(check(rows, stored));
                    if (!problems.isEmpty()) {
                        problems.sort(java.util.Comparator.comparingInt(Problem::row));
                        throw new Rejected(problems);
                    }
                    Applied applied = write(connection, rows, stored, actor);
                    bumpVersion(connection);
                    return applied;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            directory.changed();
        }
    }

    /** Deactivates (offered nowhere new, still named on past records) or reactivates an agency. */
    public void setActive(String code, boolean active, String actor) {
        try {
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                try {
                    lockVersion(connection);
                    Map<String, Stored> stored = stored(connection);
                    Stored agency = stored.get(code);
                    if (agency == null) {
                        throw Refusal.notFound("unknown_agency");
                    }
                    if (!active && stored.values().stream().anyMatch(s -> s.active() && code.equals(s.parent()))) {
                        throw Refusal.conflict("agency_has_active_children");
                    }
                    if (active && agency.parent() != null && !stored.get(agency.parent()).active()) {
                        throw Refusal.conflict("agency_parent_inactive");
                    }
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE agency SET active = ?, updated_at = now(), updated_by = ? WHERE code = ?")) {
                        update.setBoolean(1, active);
                        update.setString(2, actor);
                        update.setString(3, code);
                        update.executeUpdate();
                    }
                    bumpVersion(connection);
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            directory.changed();
        }
    }

    private List<Problem> check(List<Row> rows, Map<String, Stored> stored) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        stored.forEach((code, s) -> parents.put(code, s.parent()));
        for (Row row : rows) {
            AgencyDraft d = row.draft();
            int n = row.number();
            if (d.code() == null || d.code().isBlank()) {
                problems.add(new Problem(n, messages.get("agency.row.noCode")));
                continue;
            }
            if (!AgencyDirectory.CODE.matcher(d.code()).matches()) {
                problems.add(new Problem(n, messages.get("agency.row.badCode", shorten(d.code()))));
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(d.code(), n);
            if (earlier != null) {
                problems.add(new Problem(n, messages.get("agency.row.duplicate", d.code(), earlier)));
                continue;
            }
            if (d.name() == null || d.name().isBlank()) {
                problems.add(new Problem(n, messages.get("agency.row.noName")));
            } else if (d.name().length() > MAX_NAME) {
                problems.add(new Problem(n, messages.get("agency.row.longName", MAX_NAME)));
            } else if (hasControl(d.name())) {
                problems.add(new Problem(n, messages.get("agency.row.control")));
            }
            parents.put(d.code(), d.parent());
        }
        for (Row row : rows) {
            AgencyDraft d = row.draft();
            if (d.code() == null || d.parent() == null || !firstRow.containsKey(d.code())) {
                continue;
            }
            if (d.parent().equals(d.code())) {
                problems.add(new Problem(row.number(), messages.get("agency.row.ownParent")));
            } else if (!parents.containsKey(d.parent())) {
                problems.add(new Problem(row.number(), messages.get("agency.row.unknownParent", shorten(d.parent()))));
            } else if (cycle(d.code(), parents)) {
                problems.add(new Problem(row.number(), messages.get("agency.row.cycle", d.parent())));
            }
        }
        return problems;
    }

    private static boolean cycle(String start, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        String at = start;
        while (at != null) {
            if (!seen.add(at)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }

    private Applied write(Connection connection, List<Row> rows, Map<String, Stored> stored, String actor)
            throws SQLException {
        int position;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM agency")) {
            rs.next();
            position = rs.getInt(1);
        }
        int created = 0;
        int updated = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency "
                + "(code, name, parent_code, kind, fields, position, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE agency SET name = ?, parent_code = ?, "
                     + "kind = ?, fields = ?, updated_at = now(), updated_by = ? WHERE code = ?")) {
            for (Row row : rows) {
                AgencyDraft d = row.draft();
                Object[] fields = d.fields().stream().sorted().map(Field::code).toArray();
                Stored existing = stored.get(d.code());
                if (existing == null) {
                    insert.setString(1, d.code());
                    insert.setString(2, d.name().strip());
                    insert.setString(3, d.parent());
                    insert.setString(4, (d.kind() == null ? AgencyKind.PROVINCE : d.kind()).code());
                    insert.setArray(5, connection.createArrayOf("text", fields));
                    insert.setInt(6, ++position);
                    insert.setString(7, actor);
                    insert.addBatch();
                    created++;
                } else {
                    update.setString(1, d.name().strip());
                    update.setString(2, d.parent());
                    update.setString(3, d.kind() == null ? existing.kind() : d.kind().code());
                    update.setArray(4, connection.createArrayOf("text", fields));
                    update.setString(5, actor);
                    update.setString(6, d.code());
                    update.addBatch();
                    updated++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return new Applied(created, updated);
    }

    /** One writer at a time: two uploads at once must not each pass the checks against the other's absence. */
    private static void lockVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT version FROM agency_directory_version WHERE id = 1 FOR UPDATE").close();
        }
    }

    private static void bumpVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE agency_directory_version SET version = version + 1 WHERE id = 1");
        }
    }

    private static Map<String, Stored> stored(Connection connection) throws SQLException {
        Map<String, Stored> stored = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT code, kind, parent_code, active FROM agency")) {
            while (rs.next()) {
                stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        return stored;
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A code as typed, cut so that a pasted paragraph does not flood the error list. */
    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    /** Codes are kept upper-case, as the shipped ones are, so "so-tp" in a file is SO-TP. */
    public static String normaliseCode(@Nullable String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
