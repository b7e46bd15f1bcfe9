package vn.dvcassistant.app.province;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test classes share one database: agencies a test added are deactivated when it ends, so that the next test
 * class sees the shipped directory (one "UBND cấp xã", whose rating button the chat tests press).
 */
public final class AgencyTestData {

    private AgencyTestData() {
    }

    public static void retire(TransactionOperations<Connection> transactions, AgencyDirectory directory, String codePrefix) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE agency SET active = false WHERE code LIKE ? AND active");
                 Statement bump = status.getConnection().createStatement()) {
                update.setString(1, codePrefix + "%");
                update.executeUpdate();
                bump.executeUpdate("UPDATE agency_directory_version SET version = version + 1 WHERE id = 1");
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // This instance sees it at its next read, not after its refresh interval.
        directory.changed();
    }
}
