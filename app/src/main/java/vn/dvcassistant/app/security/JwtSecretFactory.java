package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs session tokens. From DVC_JWT_SECRET when set (needed when several instances
 * share sessions, or for sessions to survive a restart); otherwise a random key per start, which is
 * safe but logs everyone out on restart. There is deliberately no built-in default key.
 */
@Factory
final class JwtSecretFactory {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretFactory.class);
    private static final int MIN_SECRET_BYTES = 32;

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(SecuritySettings settings) {
        String secret = settings.jwtSecret();
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            configuration.setSecret(Base64.getEncoder().encodeToString(random));
            configuration.setBase64(true);
            LOG.warn("jwt_secret=random: set DVC_JWT_SECRET (32+ characters) to keep staff sessions across restarts");
        } else {
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("DVC_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            configuration.setSecret(secret);
        }
        return new SecretSignature(configuration);
    }
}
