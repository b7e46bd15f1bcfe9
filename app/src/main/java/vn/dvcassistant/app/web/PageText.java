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

    PageText(Messages messages) {
        this.messages = messages;
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
