package vn.dvcassistant.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What keeps other accounts of the host out of the embedded PostgreSQL: a strong superuser password made
 * on first start and kept in the data folder (owner-only), password (SCRAM) authentication for every
 * connection, and the server's Unix socket in a folder only the service's account can enter.
 *
 * <p>initdb and the library's defaults trust every local connection, so any account on the host could
 * read citizens' contact details or create an admin. A data folder written that way is migrated on its
 * next start: it is started once as it was, given the password, and then its access rules are replaced.
 */
final class EmbeddedDatabaseLock {

    static final String PASSWORD_FILE = "dvc-superuser.password";

    /** Replaces pg_hba.conf at every start, so an edited or an old trusting file does not stay in force. */
    static final String ACCESS_RULES = """
            # Written by DVC Assistant at every start: a password (SCRAM) for every connection, nothing trusted.
            local   all           all                       scram-sha-256
            host    all           all       127.0.0.1/32    scram-sha-256
            host    all           all       ::1/128         scram-sha-256
            local   replication   all                       scram-sha-256
            host    replication   all       127.0.0.1/32    scram-sha-256
            host    replication   all       ::1/128         scram-sha-256
            """;

    /** Used only while an old data folder is started once to be given its password. */
    private static final String MIGRATION_RULES = """
            # Temporary, while DVC Assistant sets the superuser password of a data folder made without one.
            host    all           all       127.0.0.1/32    trust
            host    all           all       ::1/128         trust
            """;

    private EmbeddedDatabaseLock() {
    }

    static Path passwordFile(Path dataDir) {
        return dataDir.resolve(PASSWORD_FILE);
    }

    static boolean initialised(Path dataDir) {
        return Files.exists(dataDir.resolve("postgresql.conf"));
    }

    /** 32 random bytes; URL-safe Base64 so it can be written to initdb's password file and a JDBC property as is. */
    static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String readPassword(Path dataDir) {
        try {
            return Files.readString(passwordFile(dataDir), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded PostgreSQL password in " + dataDir, e);
        }
    }

    /** Written owner-only from the start (never readable by others, even for a moment). */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static void writeAccessRules(Path dataDir, boolean migrating) {
        writeOwnerOnly(dataDir.resolve("pg_hba.conf"), migrating ? MIGRATION_RULES : ACCESS_RULES);
    }

    /** A folder only this account may enter, for the server's socket (not the shared /tmp) or initdb's password. */
    static Path privateDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
