package vn.dvcassistant.app.knowledge;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.kb.content.ContentFile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base's content in PostgreSQL, the source of truth once seeded: every version of every
 * content file, drafts, and the revision counter every instance polls.
 */
@Singleton
public class ContentStore {

    /** Entry ids of the two root files, which are versioned like topics. */
    public static final String SYNONYMS = "_synonyms";
    public static final String OUT_OF_SCOPE = "_out-of-scope";
    /** The author of the versions the bundled YAML seeded. */
    public static final String SEED_AUTHOR = "(nội dung ban đầu)";

    private static final String COLUMNS =
            "entry_id, version, path, state, yaml, author, reviewer, origin, created_at, published_at";

    private final TransactionOperations<Connection> transactions;

    ContentStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The entry id a content file is stored under. */
    public static String entryIdOf(ContentFile file) {
        if (file.folder().isEmpty()) {
            return file.path().startsWith("synonyms") ? SYNONYMS : OUT_OF_SCOPE;
        }
        return file.baseName();
    }

    public long revision() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("select revision from kb_revision where id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Stores the files as the first published versions when the database holds no content yet.
     *
     * @return whether it seeded (false: content was already there, possibly seeded by another instance)
     */
    public boolean seedIfEmpty(List<ContentFile> files) {
        return write(c -> {
            // One instance seeds; another starting at the same moment waits here and then finds the content.
            try (PreparedStatement lock = c.prepareStatement("select revision from kb_revision where id = 1 for update")) {
                lock.executeQuery().close();
            }
            try (PreparedStatement any = c.prepareStatement("select 1 from kb_entry_version limit 1");
                 ResultSet rs = any.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into kb_entry_version "
                    + "(entry_id, version, path, state, yaml, author, origin, published_at) "
                    + "values (?, 1, ?, 'published', ?, ?, 'seed', now())")) {
                for (ContentFile file : files) {
                    insert.setString(1, entryIdOf(file));
                    insert.setString(2, file.path());
                    insert.setString(3, file.text());
                    insert.setString(4, SEED_AUTHOR);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            bump(c);
            return true;
        });
    }

    /** Every published file, sorted by path: what the loader validates and the search serves. */
    public List<ContentFile> publishedFiles() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select path, yaml from kb_entry_version where state = 'published' order by path");
                 ResultSet rs = s.executeQuery()) {
                List<ContentFile> files = new ArrayList<>();
                while (rs.next()) {
                    files.add(new ContentFile(rs.getString(1), rs.getString(2)));
                }
                return files;
            }
        });
    }

    public Optional<EntryVersion> current(String entryId, String state) {
        return read(c -> first(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? and state = ?",
                entryId, state));
    }

    public Optional<EntryVersion> version(String entryId, int version) {
        return read(c -> first(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? and version = ?",
                entryId, version));
    }

    /** Every version of an entry, newest first. */
    public List<EntryVersion> history(String entryId) {
        return read(c -> list(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? order by version desc",
                entryId));
    }

    /** Open drafts of every entry, oldest first: the review queue. */
    public List<EntryVersion> drafts() {
        return read(c -> list(c, "select " + COLUMNS + " from kb_entry_version where state = 'draft' order by created_at"));
    }

    /** Saves the entry's draft (replacing an open draft, which keeps its version number). */
    public EntryVersion saveDraft(String entryId, String path, String yaml, String author, String origin) {
        return write(c -> {
            lockEntry(c, entryId);
            try (PreparedStatement update = c.prepareStatement("update kb_entry_version set path = ?, yaml = ?, "
                    + "author = ?, origin = ?, created_at = now() where entry_id = ? and state = 'draft'")) {
                update.setString(1, path);
                update.setString(2, yaml);
                update.setString(3, author);
                update.setString(4, origin);
                update.setString(5, entryId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement("insert into kb_entry_version "
                            + "(entry_id, version, path, state, yaml, author, origin) values (?, "
                            + "(select coalesce(max(version), 0) + 1 from kb_entry_version where entry_id = ?), ?, 'draft', ?, ?, ?)")) {
                        insert.setString(1, entryId);
                        insert.setString(2, entryId);
                        insert.setString(3, path);
                        insert.setString(4, yaml);
                        insert.setString(5, author);
                        insert.setString(6, origin);
                        insert.executeUpdate();
                    }
                }
            }
            return first(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? and state = 'draft'", entryId)
                    .orElseThrow();
        });
    }

    /**
     * Publishes the entry's open draft: the previous published version becomes history, the revision moves
     * so every instance reloads. {@code check} runs inside the transaction with the locked draft and may
     * refuse (the reviewer is the author; the content set would not load).
     */
    public EntryVersion publishDraft(String entryId, String reviewer, java.util.function.Consumer<EntryVersion> check) {
        return write(c -> {
            lockEntry(c, entryId);
            EntryVersion draft = first(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? "
                    + "and state = 'draft' for update", entryId).orElseThrow(() -> Refusal.notFound("no_draft"));
            check.accept(draft);
            try (PreparedStatement old = c.prepareStatement(
                    "update kb_entry_version set state = 'superseded' where entry_id = ? and state = 'published'")) {
                old.setString(1, entryId);
                old.executeUpdate();
            }
            try (PreparedStatement publish = c.prepareStatement("update kb_entry_version set state = 'published', "
                    + "reviewer = ?, published_at = now() where entry_id = ? and version = ?")) {
                publish.setString(1, reviewer);
                publish.setString(2, entryId);
                publish.setInt(3, draft.version());
                publish.executeUpdate();
            }
            bump(c);
            return first(c, "select " + COLUMNS + " from kb_entry_version where entry_id = ? and version = ?",
                    entryId, draft.version()).orElseThrow();
        });
    }

    /**
     * Stores uploaded files in one transaction: each one that differs from its entry's published version
     * becomes that entry's draft (replacing an open one), or, with {@code publish}, its new published
     * version. Files equal to what is published are left alone.
     *
     * @return the entry ids that changed
     */
    public List<String> storeFiles(List<ContentFile> files, String author, String origin, boolean publish) {
        return write(c -> {
            List<String> changed = new ArrayList<>();
            for (ContentFile file : files) {
                String entryId = entryIdOf(file);
                lockEntry(c, entryId);
                Optional<EntryVersion> published = first(c, "select " + COLUMNS + " from kb_entry_version "
                        + "where entry_id = ? and state = 'published'", entryId);
                if (published.isPresent() && published.get().yaml().equals(file.text())
                        && published.get().path().equals(file.path())) {
                    continue;
                }
                changed.add(entryId);
                try (PreparedStatement drop = c.prepareStatement(
                        "delete from kb_entry_version where entry_id = ? and state = 'draft'")) {
                    drop.setString(1, entryId);
                    drop.executeUpdate();
                }
                if (publish) {
                    try (PreparedStatement old = c.prepareStatement("update kb_entry_version set state = 'superseded' "
                            + "where entry_id = ? and state = 'published'")) {
                        old.setString(1, entryId);
                        old.executeUpdate();
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("insert into kb_entry_version "
                        + "(entry_id, version, path, state, yaml, author, reviewer, origin, published_at) values (?, "
                        + "(select coalesce(max(version), 0) + 1 from kb_entry_version where entry_id = ?), ?, ?, ?, ?, ?, ?, "
                        + (publish ? "now()" : "null") + ")")) {
                    insert.setString(1, entryId);
                    insert.setString(2, entryId);
                    insert.setString(3, file.path());
                    insert.setString(4, publish ? EntryVersion.PUBLISHED : EntryVersion.DRAFT);
                    insert.setString(5, file.text());
                    insert.setString(6, author);
                    // Published without a second person: review is off, and the version says so.
                    insert.setString(7, publish ? author : null);
                    insert.setString(8, origin);
                    insert.executeUpdate();
                }
            }
            if (publish && !changed.isEmpty()) {
                bump(c);
            }
            return changed;
        });
    }

    /** Moves the revision without a content change (the catalogue changed): every instance reloads. */
    public void touch() {
        write(c -> {
            bump(c);
            return null;
        });
    }

    private static void bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update kb_revision set revision = revision + 1, changed_at = now() where id = 1")) {
            s.executeUpdate();
        }
    }

    /** Serialises writers of one entry (two editors saving, an approval racing a save). */
    private static void lockEntry(Connection c, String entryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtext('kb_entry:' || ?))")) {
            s.setString(1, entryId);
            s.executeQuery().close();
        }
    }

    private static Optional<EntryVersion> first(Connection c, String sql, Object... parameters) throws SQLException {
        List<EntryVersion> rows = list(c, sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<EntryVersion> list(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<EntryVersion> out = new ArrayList<>();
                while (rs.next()) {
                    Timestamp published = rs.getTimestamp(10);
                    out.add(new EntryVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), published == null ? null : published.toInstant()));
                }
                return out;
            }
        }
    }

    private <T> T read(Jdbc<T> step) {
        return transactions.executeRead(status -> run(step, status.getConnection()));
    }

    private <T> T write(Jdbc<T> step) {
        return transactions.executeWrite(status -> run(step, status.getConnection()));
    }

    private static <T> T run(Jdbc<T> step, Connection c) {
        try {
            return step.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Content store: " + e.getMessage(), e);
        }
    }
}
