package vn.dvcassistant.app.channel.zalo;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts the OA's tokens before they are stored (AES-256-GCM, a fresh 96-bit nonce each time), so a copy
 * of the database or a backup does not hand over the OA: the key lives only in the environment. The column
 * name is authenticated too, so an access token cannot be swapped into the refresh token's column.
 *
 * <p>Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). A value without the prefix was written by
 * a version that stored tokens in plain text; {@link DatabaseZaloTokenStore} encrypts it on start.
 */
final class ZaloTokenCipher {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private ZaloTokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The key from ZALO_TOKEN_KEY (any text of 32+ characters, hashed to 256 bits), or when that is unset one
     * derived from the app secret and the OA secret key, which also live only in the environment.
     */
    static ZaloTokenCipher of(@Nullable String tokenKey, String appSecret, String oaSecretKey) {
        if (tokenKey != null && !tokenKey.isBlank()) {
            if (tokenKey.strip().length() < 32) {
                throw new IllegalArgumentException("ZALO_TOKEN_KEY must be at least 32 characters");
            }
            return new ZaloTokenCipher(sha256(tokenKey.strip().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec((appSecret + "\u0000" + oaSecretKey).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return new ZaloTokenCipher(hmac.doFinal("dvc-zalo-token-key".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static boolean isEncrypted(@Nullable String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    String encrypt(String token, String column) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key (ZALO_TOKEN_KEY changed) */
    String decrypt(String stored, String column) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored Zalo " + column + " is damaged", e);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The stored Zalo tokens cannot be decrypted with this key: ZALO_TOKEN_KEY "
                    + "(or, without it, ZALO_APP_SECRET / ZALO_OA_SECRET_KEY) changed. Restore the old key, or "
                    + "authorise the OA again and set the new ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
