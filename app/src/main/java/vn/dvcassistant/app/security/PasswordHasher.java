package vn.dvcassistant.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt with a configurable cost (each step doubles the work). Passwords longer than bcrypt's 72 bytes
 * are pre-hashed with SHA-512 instead of being cut silently.
 */
@Singleton
public final class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    /** Checked against when the user does not exist, so a wrong username takes as long as a wrong password. */
    private final String decoy;

    PasswordHasher(SecuritySettings settings) {
        int cost = settings.bcryptCost();
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("dvc.security.bcrypt-cost must be between 4 and 31, was " + cost);
        }
        this.cost = cost;
        this.decoy = hash("decoy-password-never-valid");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Spends the time of one verification and answers false. */
    public boolean burnTime(String password) {
        matches(password, decoy);
        return false;
    }
}
