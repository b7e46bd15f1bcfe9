package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.Refusal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * A citizen who sent a comment from the web form erases its contact details (name, phone, e-mail) with the
 * tracking code and the phone number or e-mail address they gave: nobody else holds both. The comment,
 * its status and the agency's answer stay; unsent replies to the e-mail address are dropped.
 *
 * <p>A wrong code and a wrong phone or e-mail get the same answer, so the form tells a guesser nothing
 * about which of the two was wrong.
 */
@Singleton
public class ContactErasure {

    private static final Logger LOG = LoggerFactory.getLogger(ContactErasure.class);

    private static final String FIND = "SELECT id, contact_phone, contact_email FROM citizen_comment WHERE code = ? "
            + "AND (contact_phone IS NOT NULL OR contact_email IS NOT NULL) FOR UPDATE";
    private static final String ERASE = """
            UPDATE citizen_comment SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
                   consent = FALSE, updated_at = ? WHERE id = ?""";
    private static final String OUTBOX = "DELETE FROM comment_reply_outbox WHERE sent_at IS NULL AND comment_id = ?";
    private static final String LOG_ERASURE = """
            INSERT INTO personal_data_erasure (reason, channel, exchanges, answer_ratings, comments, erased_at)
            VALUES ('citizen', 'web', 0, 0, 1, ?)""";

    private final TransactionOperations<Connection> transactions;

    ContactErasure(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** @throws Refusal 404 {@code contact_not_found} unless the code and the phone or e-mail belong together */
    public void erase(@Nullable String code, @Nullable String phoneOrEmail) {
        String normalisedCode = code == null ? null : TrackingCodes.normalise(code);
        String given = contactKey(phoneOrEmail);
        if (normalisedCode == null || given == null) {
            throw Refusal.notFound("contact_not_found");
        }
        boolean erased = transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement find = c.prepareStatement(FIND)) {
                find.setString(1, normalisedCode);
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next() || !(given.equals(contactKey(rs.getString(2))) || given.equals(contactKey(rs.getString(3))))) {
                        return false;
                    }
                    long id = rs.getLong(1);
                    Timestamp now = Timestamp.from(Instant.now());
                    update(c, OUTBOX, id);
                    update(c, ERASE, now, id);
                    update(c, LOG_ERASURE, now);
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Erasing a comment's contact details failed", e);
            }
        });
        if (!erased) {
            throw Refusal.notFound("contact_not_found");
        }
        LOG.info("personal_data=erased reason=citizen channel=web comments=1");
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /**
     * An e-mail address in lower case, or a phone number as its digits with +84 / 84 read as the leading 0,
     * so "0912 345 678" and "+84912345678" match; null when there is nothing to compare.
     */
    static String contactKey(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.contains("@")) {
            return "email:" + stripped.toLowerCase(Locale.ROOT);
        }
        StringBuilder digits = new StringBuilder();
        stripped.codePoints().filter(Character::isDigit).forEach(d -> digits.append(Character.getNumericValue(d)));
        String number = digits.toString();
        if (number.startsWith("84") && number.length() >= 11) {
            number = "0" + number.substring(2);
        }
        return number.length() < 8 ? null : "phone:" + number;
    }
}
