package vn.dvcassistant.app.alerts;

import io.micronaut.context.annotation.Property;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentRules;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.mail.Mailer;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.web.PublicAddress;
import vn.dvcassistant.app.web.VietnameseFormat;
import vn.dvcassistant.kb.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Once a day, after {@code dvc.alerts.digest-hour} (local time), each agency staff member who chose the digest
 * gets one mail listing their agency's new comments and hand-off questions (since their previous digest),
 * those due today or tomorrow, and those past their deadline. The day is claimed per account in PostgreSQL
 * ({@code staff_digest}) before sending, so with several instances only one sends it; a refused mail gives the
 * claim back to be tried at the next run. Codes, fields and dates only: never a citizen's words.
 */
@Singleton
public final class DailyDigest {

    /** Items listed per part; the rest are counted. */
    static final int LISTED = 50;

    private final Optional<Mailer> mailer;
    private final TransactionOperations<Connection> transactions;
    private final StaffAlertAddresses addresses;
    private final AgencyDirectory agencies;
    private final Messages messages;
    private final VietnameseFormat format;
    private final ProvinceClock clock;
    private final PublicAddress address;
    private final int hour;

    DailyDigest(Optional<Mailer> mailer, TransactionOperations<Connection> transactions, StaffAlertAddresses addresses,
                AgencyDirectory agencies, Messages messages, VietnameseFormat format, ProvinceClock clock,
                PublicAddress address, @Property(name = "dvc.alerts.digest-hour", defaultValue = "7") int hour) {
        this.mailer = mailer;
        this.transactions = transactions;
        this.addresses = addresses;
        this.agencies = agencies;
        this.messages = messages;
        this.format = format;
        this.clock = clock;
        this.address = address;
        this.hour = Math.max(0, Math.min(23, hour));
    }

    @Scheduled(fixedDelay = "${dvc.alerts.interval:1m}", initialDelay = "${dvc.alerts.interval:1m}")
    void run() {
        send();
    }

    /** @return how many digests this call sent */
    public int send() {
        if (mailer.isEmpty() || ZonedDateTime.now(clock.zone()).getHour() < hour) {
            return 0;
        }
        LocalDate today = clock.today();
        int sent = 0;
        for (StaffAlertAddresses.DigestReader reader : addresses.digestReaders()) {
            Optional<Instant> since = claim(reader, today);
            if (since.isEmpty()) {
                continue;
            }
            List<Item> fresh = items("received_at > ? AND received_at <= now()", "received_at DESC", reader.agency(),
                    Timestamp.from(since.get()));
            List<Item> soon = items(CommentRules.OPEN_SQL + " AND " + CommentRules.CURRENT_DEADLINE_SQL
                    + " BETWEEN ? AND ?", "5, received_at", reader.agency(), today, today.plusDays(1));
            List<Item> overdue = items(CommentRules.OVERDUE_SQL, "5, received_at", reader.agency(), today, today);
            if (fresh.isEmpty() && soon.isEmpty() && overdue.isEmpty()) {
                continue; // nothing to tell: the day stays claimed, no empty mail
            }
            String agencyName = agencies.find(reader.agency()).map(Agency::name).orElse(reader.agency());
            String body = String.join("\n\n", messages.get("mail.digest.intro", format.date(today), agencyName),
                    part("mail.digest.new", fresh), part("mail.digest.soon", soon), part("mail.digest.overdue", overdue),
                    messages.get("mail.digest.footer", address.base() + "/quan-tri/gop-y"));
            if (mailer.orElseThrow().send(reader.email(), messages.get("mail.digest.subject", format.date(today),
                    agencyName), body)) {
                sent++;
            } else {
                release(reader, today);
            }
        }
        return sent;
    }

    private String part(String titleKey, List<Item> items) {
        StringBuilder text = new StringBuilder(messages.get(titleKey, items.size() > LISTED ? LISTED + "+" : items.size()));
        if (items.isEmpty()) {
            text.append('\n').append(messages.get("mail.digest.none"));
        }
        for (Item item : items.subList(0, Math.min(LISTED, items.size()))) {
            text.append('\n').append(messages.get("mail.digest.line", messages.get("export.kind." + item.kind()),
                    item.code(), Field.fromCode(item.field()).map(Field::label).orElse(item.field()),
                    item.due() == null ? "–" : format.date(item.due()), messages.get("comment.status." + item.status())));
        }
        return text.toString();
    }

    private record Item(String code, String kind, String field, String status, LocalDate due) {
    }

    /**
     * Claims today's digest of one account.
     *
     * @return where its "new" items start (the previous digest's claim, or a day ago), empty when another
     * instance or an earlier run has it
     */
    private Optional<Instant> claim(StaffAlertAddresses.DigestReader reader, LocalDate today) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO staff_digest (staff_user_id, day, claimed_at) VALUES (?, ?, now())
                    ON CONFLICT DO NOTHING""");
                 PreparedStatement previous = connection.prepareStatement("""
                    SELECT max(claimed_at) FROM staff_digest WHERE staff_user_id = ? AND day < ?""")) {
                insert.setObject(1, reader.staffUserId());
                insert.setObject(2, today);
                if (insert.executeUpdate() == 0) {
                    return Optional.empty();
                }
                previous.setObject(1, reader.staffUserId());
                previous.setObject(2, today);
                try (ResultSet rs = previous.executeQuery()) {
                    rs.next();
                    Timestamp at = rs.getTimestamp(1);
                    return Optional.of(at == null ? Instant.now().minusSeconds(86_400) : at.toInstant());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Digest claim failed", e);
            }
        });
    }

    private void release(StaffAlertAddresses.DigestReader reader, LocalDate today) {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM staff_digest WHERE staff_user_id = ? AND day = ?")) {
                delete.setObject(1, reader.staffUserId());
                delete.setObject(2, today);
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Digest release failed", e);
            }
        });
    }

    /** One agency's items matching {@code condition} (with its {@code parameters}) in {@code order}. */
    private List<Item> items(String condition, String order, String agency, Object... parameters) {
        String sql = "SELECT code, kind, field, status, " + CommentRules.CURRENT_DEADLINE_SQL
                + " FROM citizen_comment WHERE agency = ? AND " + condition + " ORDER BY " + order
                + " LIMIT " + (LISTED + 1);
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setString(1, agency);
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 2, parameters[i]);
                }
                List<Item> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Digest items query failed", e);
            }
        });
    }
}
