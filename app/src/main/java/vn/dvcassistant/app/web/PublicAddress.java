package vn.dvcassistant.app.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code dvc.public-url} (DVC_PUBLIC_URL): the absolute address citizens reach the service at, printed in
 * survey QR codes and sent in chat messages (comment tracking links).
 */
@ConfigurationProperties("dvc")
public record PublicAddress(@Bindable(defaultValue = "http://localhost:8080") String publicUrl) {

    /** The address without a trailing slash, ready for a path to be appended. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
