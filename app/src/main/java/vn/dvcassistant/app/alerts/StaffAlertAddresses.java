package vn.dvcassistant.app.alerts;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who is mailed about an agency's comments and hand-off questions: its active staff accounts with an address,
 * each as they chose ({@link AlertMode}), and the shared mailboxes of {@code dvc.alerts.recipients}
 * ("SO-TP=a@x;b@y,SO-XD=c@z"), which get every alert as it happens.
 */
@Singleton
public final class StaffAlertAddresses {

    /** Enough to catch a typo; the mail server has the last word. staff_user.email is varchar(200). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 200;

    private final TransactionOperations<Connection> transactions;
    private final Map<String, List<String>> shared;

    StaffAlertAddresses(TransactionOperations<Connection> transactions,
                        @Property(name = "dvc.alerts.recipients", defaultValue = "") String recipients) {
        this.transactions = transactions;
        this.shared = parse(recipients);
    }

    /** How an account receives alerts. */
    public enum AlertMode {
        EACH("each"), DIGEST("digest"), NONE("none");

        private final String code;

        AlertMode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static AlertMode of(String code) {
            return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("invalid_alert_mode"));
        }
    }

    /** An account's address and choice, as the users page shows them. */
    public record Setting(@Nullable String email, String mode) {
    }

    /** A staff member who asked for the daily digest of their agency. */
    public record DigestReader(UUID staffUserId, String email, String agency) {
    }

    /** "SO-TP=a@x;b@y, SO-XD=c@z" → agency code → addresses. */
    static Map<String, List<String>> parse(String setting) {
        Map<String, List<String>> result = new HashMap<>();
        for (String entry : setting.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                List<String> addresses = Arrays.stream(entry.substring(eq + 1).split(";")).map(String::strip)
                        .filter(a -> a.contains("@")).toList();
                if (!addresses.isEmpty()) {
                    result.put(entry.substring(0, eq).strip(), addresses);
                }
            }
        }
        return Map.copyOf(result);
    }

    /** Agency → the addresses that get each alert as it happens (shared mailboxes and staff who chose so). */
    public Map<String, List<String>> immediate() {
        Map<String, Set<String>> all = new HashMap<>();
        shared.forEach((agency, addresses) -> all.computeIfAbsent(agency, k -> new LinkedHashSet<>()).addAll(addresses));
        query("SELECT agency_code, email FROM staff_user WHERE active AND agency_code IS NOT NULL AND email IS NOT NULL"
                + " AND alert_mode = 'each'", rs -> all.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                .add(rs.getString(2)));
        Map<String, List<String>> result = new HashMap<>();
        all.forEach((agency, addresses) -> result.put(agency, List.copyOf(addresses)));
        return result;
    }

    /** Active agency staff who chose the daily digest and have an address. */
    public List<DigestReader> digestReaders() {
        List<DigestReader> result = new ArrayList<>();
        query("SELECT id, email, agency_code FROM staff_user WHERE active AND agency_code IS NOT NULL"
                + " AND email IS NOT NULL AND alert_mode = 'digest' ORDER BY id", rs -> result.add(
                new DigestReader(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))));
        return result;
    }

    /** Every account's setting, for the users page. */
    public Map<UUID, Setting> all() {
        Map<UUID, Setting> result = new HashMap<>();
        query("SELECT id, email, alert_mode FROM staff_user", rs -> result.put(rs.getObject(1, UUID.class),
                new Setting(rs.getString(2), rs.getString(3))));
        return result;
    }

    /** Sets an account's address and choice; a mode that mails needs an address. */
    /** 400 {@code invalid_email} unless blank or an address {@link #update} would take: checked before an account is made. */
    public void checkEmail(@Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
            throw Refusal.invalid("invalid_email");
        }
    }

    public void update(UUID staffUserId, @Nullable String email, @Nullable String mode) {
        String address = email == null || email.isBlank() ? null : email.strip();
        AlertMode chosen = AlertMode.of(mode == null ? "" : mode.strip());
        if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
            throw Refusal.invalid("invalid_email");
        }
        if (address == null && chosen != AlertMode.NONE) {
            throw Refusal.invalid("email_required");
        }
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE staff_user SET email = ?, alert_mode = ? WHERE id = ?")) {
                update.setString(1, address);
                update.setString(2, chosen.code());
                update.setObject(3, staffUserId);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Alert setting update failed", e);
            }
        });
        if (updated == 0) {
            throw Refusal.notFound("unknown_user");
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql);
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Alert addresses query failed", e);
            }
        });
    }
}
