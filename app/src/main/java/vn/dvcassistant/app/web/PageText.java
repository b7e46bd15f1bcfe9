package vn.dvcassistant.app.web;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

/**
 * The message bundle as templates use it: Thymeleaf's expression language cannot call the
 * varargs {@link Messages#get(String, Object...)}.
 */
@Singleton
public final class PageText {

    private final Messages messages;
    private final VietnameseFormat formats;

    PageText(Messages messages, VietnameseFormat formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** Numbers and dates as Vietnamese readers write them; templates reach it as {@code fmt}. */
    public VietnameseFormat formats() {
        return formats;
    }

    public String get(String key) {
        return messages.get(key);
    }

    public String format(String key, Object argument) {
        return messages.get(key, argument);
    }

    public String format2(String key, Object first, Object second) {
        return messages.get(key, first, second);
    }
}
