package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Proves to Zalo that the OA owner controls this domain, which Zalo requires before it accepts a webhook
 * address on it. The developer console offers two ways, and either can be configured: a file to serve at
 * the root ({@code ZALO_DOMAIN_VERIFICATION_FILE_NAME} with the file's text in
 * {@code ZALO_DOMAIN_VERIFICATION_FILE_CONTENT}), or a meta tag in the home page
 * ({@code ZALO_DOMAIN_VERIFICATION_META}: the whole tag as the console shows it, or only its content).
 * Registered only when one of them is set, so other requests pay nothing for it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(condition = ZaloDomainVerification.Configured.class)
final class ZaloDomainVerification {

    static final String PREFIX = "channels.zalo.domain-verification.";
    /** The tag's name when only its content is configured (as integrators report it; not from Zalo's pages). */
    static final String META_NAME = "zalo-platform-site-verification";
    private static final Pattern META_TAG = Pattern.compile("<meta\\s[^<>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final String filePath;
    private final String fileContent;
    private final String homePage;

    ZaloDomainVerification(@Nullable @Value("${" + PREFIX + "file-name:}") String fileName,
                           @Nullable @Value("${" + PREFIX + "file-content:}") String fileContent,
                           @Nullable @Value("${" + PREFIX + "meta:}") String meta) {
        if (present(fileName)) {
            String name = fileName.strip();
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (!FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
                throw new IllegalArgumentException("ZALO_DOMAIN_VERIFICATION_FILE_NAME must be a plain file name such as "
                        + "zalo_verifier1234.html, got: " + fileName);
            }
            this.filePath = "/" + name;
            this.fileContent = fileContent == null ? "" : fileContent;
        } else {
            this.filePath = null;
            this.fileContent = null;
        }
        this.homePage = present(meta) ? withMeta(readIndex(), metaTag(meta.strip())) : null;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> serve(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        String path = request.getPath();
        if (filePath != null && filePath.equals(path)) {
            return HttpResponse.ok(fileContent).contentType(HTML);
        }
        if (homePage != null && ("/".equals(path) || "/index.html".equals(path))) {
            return HttpResponse.ok(homePage).contentType(HTML);
        }
        return null;
    }

    /** The configured tag if it is one meta tag; otherwise the value is the content of Zalo's tag. */
    static String metaTag(String configured) {
        if (META_TAG.matcher(configured).matches()) {
            return configured;
        }
        return "<meta name=\"" + META_NAME + "\" content=\"" + escape(configured) + "\">";
    }

    private static String withMeta(String index, String tag) {
        int head = index.indexOf("<head>");
        if (head < 0) {
            throw new IllegalStateException("public/index.html has no <head>");
        }
        int at = head + "<head>".length();
        return index.substring(0, at) + "\n  " + tag + index.substring(at);
    }

    private static String readIndex() {
        try (InputStream in = ZaloDomainVerification.class.getResourceAsStream("/public/index.html")) {
            if (in == null) {
                throw new IllegalStateException("public/index.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** True when a verification file or meta tag is configured. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return present(context.getProperty(PREFIX + "file-name", String.class).orElse(null))
                    || present(context.getProperty(PREFIX + "meta", String.class).orElse(null));
        }
    }
}
