package vn.dvcassistant.kb.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import vn.dvcassistant.kb.Topic;

/**
 * The peer the search is compared with: PostgreSQL full-text search over the same entries, as a team
 * would set it up without a search library. The {@code simple} configuration over {@code unaccent}ed
 * text (no Vietnamese dictionary exists), title weighted A, questions and keywords B, the entry's text
 * D; a question is the OR of its words, ranked by {@code ts_rank_cd}; the best match is the answer.
 */
final class PostgresFullTextPeer implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Connection connection;
    private final PreparedStatement best;

    private PostgresFullTextPeer(EmbeddedPostgres server, Connection connection) throws SQLException {
        this.server = server;
        this.connection = connection;
        this.best = connection.prepareStatement("""
                SELECT t.id FROM peer_topic t,
                  (SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(l), ' | '), '')) AS q
                     FROM unnest(tsvector_to_array(to_tsvector('simple', unaccent(lower(?))))) AS l) query
                WHERE t.doc @@ query.q
                ORDER BY ts_rank_cd(t.doc, query.q) DESC, t.id
                LIMIT 1""");
    }

    static PostgresFullTextPeer of(List<Topic> topics) {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Connection connection = server.getPostgresDatabase().getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
                s.execute("CREATE TABLE peer_topic (id text PRIMARY KEY, doc tsvector NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO peer_topic VALUES (?,
                      setweight(to_tsvector('simple', unaccent(lower(?))), 'A')
                      || setweight(to_tsvector('simple', unaccent(lower(?))), 'B')
                      || setweight(to_tsvector('simple', unaccent(lower(?))), 'D'))""")) {
                for (Topic t : topics) {
                    insert.setString(1, t.id());
                    insert.setString(2, t.title());
                    insert.setString(3, String.join(" . ", t.questions()) + " . " + String.join(" . ", t.keywords()));
                    insert.setString(4, t.summary() + " . " + t.authority() + " . " + String.join(" . ", t.steps())
                            + " . " + String.join(" . ", t.documents()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new PostgresFullTextPeer(server, connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The best-matching topic id, or empty when no entry shares a word with the question. */
    Optional<String> best(String question) {
        try {
            best.setString(1, question.replace('\u0000', ' '));
            try (ResultSet rs = best.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
        server.close();
    }
}
