package vn.dvcassistant.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A form body with broken percent-encoding ({@code %ZZ}, a lone {@code %}) made the framework's decoder
 * throw, a 500. Checked before the decoder, by {@link RequestBodyFilter}: 400 {@code malformed_form} naming the field it is in.
 */
final class FormEncodingCheck {

    private FormEncodingCheck() {
    }

    /** Run by {@link RequestBodyFilter}. */
    static void check(HttpRequest<?> request, @Nullable String body) {
        boolean form = request.getContentType().map(MediaType::getSubtype)
                .map(subtype -> subtype.toLowerCase(Locale.ROOT).equals("x-www-form-urlencoded")).orElse(false);
        if (!form || body == null || body.isEmpty()) {
            return;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decodeOrNull(name);
            if (decodedName == null) {
                throw new InvalidFieldException("malformed_form", name.replaceAll("[^A-Za-z0-9_.-]", "?"));
            }
            if (equals >= 0 && decodeOrNull(pair.substring(equals + 1)) == null) {
                throw new InvalidFieldException("malformed_form", decodedName);
            }
        }
    }

    private static @Nullable String decodeOrNull(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
