package vn.dvcassistant.app.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code dvc.public-url} (DVC_PUBLIC_URL): the absolute address citizens reach the service at, printed in
 * survey and guide QR codes and sent in chat messages (comment tracking links). Unset, it is
 * {@value #FALLBACK}, which only works on the machine itself: the service warns at start
 * ({@link PublicAddressWarning}) and the web chat, which knows its own address, uses relative links.
 */
@ConfigurationProperties("dvc")
public record PublicAddress(@Nullable String publicUrl) {

    public static final String FALLBACK = "http://localhost:8080";

    /** The configured address, or {@value #FALLBACK} when unset. */
    @Override
    public String publicUrl() {
        return configured() ? publicUrl : FALLBACK;
    }

    /** Whether an operator set DVC_PUBLIC_URL. */
    public boolean configured() {
        return publicUrl != null && !publicUrl.isBlank();
    }

    /** The address without a trailing slash, ready for a path to be appended. */
    public String base() {
        String url = publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
