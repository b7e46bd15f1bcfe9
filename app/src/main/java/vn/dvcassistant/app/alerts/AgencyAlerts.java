package vn.dvcassistant.app.alerts;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * E-mails an agency's staff and mailboxes ({@link StaffAlertAddresses}, those who want each alert) when a
 * comment or hand-off question arrives for it, and when one is due today or tomorrow or has passed its
 * deadline ({@code CommentRules}). Each item is claimed in PostgreSQL before its mail is sent, so several
 * instances never send the same alert twice; a mail the server refuses is released to be tried again.
 * Nothing happens while SMTP is off or no agency has an address. Staff who chose the daily digest get
 * {@link DailyDigest} instead.
 */
@Singleton
public final class AgencyAlerts {

    private static final int BATCH = 50;

    private final Optional<Mailer> mailer;
    private final TransactionOperations<Connection> transactions;
    private final StaffAlertAddresses addresses;
    private final AgencyDirectory agencies;
    private final Messages messages;
    private final VietnameseFormat format;
    private final ProvinceClock clock;
    private final PublicAddress address;

    AgencyAlerts(Optional<Mailer> mailer, TransactionOperations<Connection> transactions,
                 StaffAlertAddresses addresses, AgencyDirectory agencies,
                 Messages messages, VietnameseFormat format, ProvinceClock clock, PublicAddress address) {
        this.mailer = mailer;
        this.transactions = transactions;
        this.addresses = addresses;
        this.agencies = agencies;
        this.messages = messages;
        this.format = format;
        this.clock = clock;
        this.address = address;
    }

    @Scheduled(fixedDelay = "${dvc.alerts.interval:1m}", initialDelay = "${dvc.alerts.interval:1m}")
    void run() {
        if (mailer.isEmpty()) {
            return;
        }
        newComments();
        deadlines();
    }

    /** @return how many alerts were sent */
    int newComments() {
        Map<String, List<String>> recipients = addresses.immediate();
        if (mailer.isEmpty() || recipients.isEmpty()) {
            return 0;
        }
        // Only recent arrivals: an agency whose staff turn alerts on later is not sent its whole backlog.
        List<Claimed> claimed = claim("""
                UPDATE citizen_comment SET alerted_at = now() WHERE id IN (
                    SELECT id FROM citizen_comment WHERE alerted_at IS NULL AND agency = ANY (?)
                       AND received_at > now() - interval '2 days'
                     ORDER BY received_at LIMIT %d FOR UPDATE SKIP LOCKED)
                RETURNING id, code, agency, field, received_at, answer_due, 0, kind""".formatted(BATCH), null,
                recipients.keySet());
        int sent = 0;
        for (Claimed c : claimed) {
            String subject = messages.get("mail.alert.new.subject." + c.kind(), c.code(), agencyName(c.agency()));
            String body = messages.get("mail.alert.new.body." + c.kind(), c.code(), fieldLabel(c.field()),
                    format.dateTime(c.receivedAt()), format.date(c.due()), link(c.code()));
            if (mailAll(recipients, c.agency(), subject, body)) {
                sent++;
            } else {
                release("UPDATE citizen_comment SET alerted_at = NULL WHERE id = ?", c.id());
            }
        }
        return sent;
    }

    /** @return how many alerts were sent */
    int deadlines() {
        Map<String, List<String>> recipients = addresses.immediate();
        if (mailer.isEmpty() || recipients.isEmpty()) {
            return 0;
        }
        LocalDate today = clock.today();
        String due = CommentRules.CURRENT_DEADLINE_SQL;
        List<Claimed> claimed = claim("""
                UPDATE citizen_comment c SET due_alert_level = CASE WHEN %1$s < ? THEN 2 ELSE 1 END
                 WHERE id IN (
                    SELECT id FROM citizen_comment WHERE agency = ANY (?) AND %2$s
                       AND ((%1$s < ? AND due_alert_level < 2) OR (%1$s <= ? AND due_alert_level < 1))
                     ORDER BY id LIMIT %3$d FOR UPDATE SKIP LOCKED)
                RETURNING id, code, agency, field, received_at, %1$s, due_alert_level, kind"""
                .formatted(due, CommentRules.OPEN_SQL, BATCH), today, recipients.keySet());
        int sent = 0;
        for (Claimed c : claimed) {
            String state = messages.get(c.level() == 2 ? "mail.alert.due.passed" : "mail.alert.due.soon");
            String subject = messages.get("mail.alert.due.subject." + c.kind(), c.code());
            String body = messages.get("mail.alert.due.body." + c.kind(), c.code(), fieldLabel(c.field()),
                    format.date(c.due()), state, link(c.code()));
            if (mailAll(recipients, c.agency(), subject, body)) {
                sent++;
            } else {
                release("UPDATE citizen_comment SET due_alert_level = due_alert_level - 1 WHERE id = ?", c.id());
            }
        }
        return sent;
    }

    private boolean mailAll(Map<String, List<String>> recipients, String agency, String subject, String body) {
        boolean all = true;
        for (String to : recipients.getOrDefault(agency, List.of())) {
            all &= mailer.orElseThrow().send(to, subject, body);
        }
        return all;
    }

    private String link(String code) {
        return address.base() + "/quan-tri/gop-y/" + code;
    }

    private String agencyName(String code) {
        return agencies.find(code).map(Agency::name).orElse(code);
    }

    private static String fieldLabel(String code) {
        return Field.fromCode(code).map(Field::label).orElse(code);
    }

    private record Claimed(long id, String code, String agency, String field, Instant receivedAt, LocalDate due,
                           int level, String kind) {
    }

    private List<Claimed> claim(String sql, LocalDate today, java.util.Set<String> agencyCodes) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                if (today != null) {
                    query.setObject(i++, today);
                }
                query.setArray(i++, connection.createArrayOf("varchar", agencyCodes.toArray()));
                if (today != null) {
                    query.setObject(i++, today);
                    query.setObject(i, today.plusDays(1));
                }
                List<Claimed> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getObject(6, LocalDate.class), rs.getInt(7),
                                rs.getString(8)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Alert claim failed", e);
            }
        });
    }

    private void release(String sql, long id) {
        transactions.executeWrite(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setLong(1, id);
                return query.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Alert release failed", e);
            }
        });
    }
}
