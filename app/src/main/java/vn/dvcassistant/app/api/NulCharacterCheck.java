package vn.dvcassistant.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.Locale;

/**
 * A NUL character (U+0000) cannot be stored in PostgreSQL text, so a comment, name, survey form or
 * staff reason carrying one failed with 500 at the insert. It is refused here, once for every request,
 * with 400 before any work is done ({@link RequestBodyFilter}): raw in the body, escaped in JSON ({@code \u0000}), or percent-encoded
 * in a form or the query string ({@code %00}).
 *
 * <p>Channel webhooks are left out ({@link RequestBodyFilter}): Telegram and Zalo would deliver a refused update again and again; their
 * adapters take the text apart themselves. File uploads (multipart) are left out too: an XLSX file is binary
 * and holds NUL bytes; the importer stores only values it checked against known codes.
 */
final class NulCharacterCheck {

    private NulCharacterCheck() {
    }

    /** Run by {@link RequestBodyFilter}. */
    static void refuse(HttpRequest<?> request, @Nullable String body) {
        String rawQuery = request.getUri().getRawQuery();
        if (rawQuery != null && rawQuery.contains("%00") || request.getUri().getRawPath().contains("%00")) {
            throw nul();
        }
        if (body == null || body.isEmpty()) {
            return;
        }
        if (request.getContentType().map(t -> t.getName().equalsIgnoreCase(MediaType.MULTIPART_FORM_DATA)).orElse(false)) {
            return;
        }
        if (body.indexOf('\u0000') >= 0) {
            throw nul();
        }
        String type = request.getContentType().map(MediaType::getSubtype).orElse("").toLowerCase(Locale.ROOT);
        if (type.equals("x-www-form-urlencoded") && body.contains("%00")) {
            throw nul();
        }
        if (type.equals("json") && hasEscapedNul(body)) {
            throw nul();
        }
    }

    /** {@code \u0000} whose backslash is not itself escaped (an odd run of backslashes before the u). */
    static boolean hasEscapedNul(String json) {
        int at = json.indexOf("u0000");
        while (at >= 0) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
            at = json.indexOf("u0000", at + 1);
        }
        return false;
    }

    private static Refusal nul() {
        // The chat's code for the same refusal, so clients see one code for it everywhere.
        return Refusal.invalid("control_characters");
    }
}
