package vn.dvcassistant.app.i18n;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** User-facing Vietnamese text from {@code i18n/messages_vi.properties} (UTF-8). */
@Singleton
public final class Messages {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Properties texts = new Properties();

    public Messages() {
        try (InputStream in = Messages.class.getResourceAsStream("/i18n/messages_vi.properties")) {
            if (in == null) {
                throw new IllegalStateException("i18n/messages_vi.properties is missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text for {@code key}, with {0}, {1}... replaced by {@code args}; the key itself when missing. */
    public String get(String key, Object... args) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, VIETNAMESE).format(args);
    }
}
