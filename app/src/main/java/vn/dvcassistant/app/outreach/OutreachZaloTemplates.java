package vn.dvcassistant.app.outreach;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The template messages (ZBS template, formerly ZNS) a province had approved by Zalo for announcements and
 * reminders: the only kind Zalo delivers to a follower who has not written within 7 days (section
 * {@code dvc.outreach.zalo-template}). Without an id, such followers are counted as "không gửi được theo
 * quy định của Zalo". Sent to the template address of the Zalo channel (ZALO_TEMPLATE_URL).
 *
 * @param announcementId     ZALO_ANNOUNCEMENT_TEMPLATE_ID; blank: none
 * @param announcementFields ZALO_ANNOUNCEMENT_TEMPLATE_FIELDS, {@code param:value,...} with value one of
 *                           {@link #ANNOUNCEMENT_VALUES}; blank: {@value #DEFAULT_ANNOUNCEMENT_FIELDS}
 * @param reminderId         ZALO_REMINDER_TEMPLATE_ID; blank: none
 * @param reminderFields     ZALO_REMINDER_TEMPLATE_FIELDS, {@code param:value,...} with value one of
 *                           {@link #REMINDER_VALUES}; blank: {@value #DEFAULT_REMINDER_FIELDS}
 */
@ConfigurationProperties("dvc.outreach.zalo-template")
public record OutreachZaloTemplates(@Nullable String announcementId, @Nullable String announcementFields,
                                    @Nullable String reminderId, @Nullable String reminderFields) {

    /** title: the announcement's first line (at most 100 characters); date: the day it is sent, dd/mm/yyyy. */
    public static final Set<String> ANNOUNCEMENT_VALUES = Set.of("title", "date");
    /** task: the procedure's name; deadline: the last day, dd/mm/yyyy; date: the day it is sent. */
    public static final Set<String> REMINDER_VALUES = Set.of("task", "deadline", "date");
    public static final String DEFAULT_ANNOUNCEMENT_FIELDS = "tieu_de:title,ngay:date";
    public static final String DEFAULT_REMINDER_FIELDS = "thu_tuc:task,han:deadline";

    public OutreachZaloTemplates {
        // A wrong value fails at start, not when the first message is due.
        parse("ZALO_ANNOUNCEMENT_TEMPLATE_FIELDS", announcementFields, ANNOUNCEMENT_VALUES);
        parse("ZALO_REMINDER_TEMPLATE_FIELDS", reminderFields, REMINDER_VALUES);
    }

    boolean announcementConfigured() {
        return announcementId != null && !announcementId.isBlank();
    }

    boolean reminderConfigured() {
        return reminderId != null && !reminderId.isBlank();
    }

    Map<String, String> announcementParameters() {
        return parse("ZALO_ANNOUNCEMENT_TEMPLATE_FIELDS", orDefault(announcementFields, DEFAULT_ANNOUNCEMENT_FIELDS),
                ANNOUNCEMENT_VALUES);
    }

    Map<String, String> reminderParameters() {
        return parse("ZALO_REMINDER_TEMPLATE_FIELDS", orDefault(reminderFields, DEFAULT_REMINDER_FIELDS), REMINDER_VALUES);
    }

    private static String orDefault(@Nullable String fields, String fallback) {
        return fields == null || fields.isBlank() ? fallback : fields;
    }

    private static Map<String, String> parse(String name, @Nullable String fields, Set<String> values) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (fields == null || fields.isBlank()) {
            return parameters;
        }
        for (String pair : fields.split(",")) {
            String[] parts = pair.split(":", 2);
            String value = parts.length == 2 ? parts[1].strip() : "";
            if (parts[0].isBlank() || !values.contains(value)) {
                throw new IllegalArgumentException(name + ": '" + pair.strip() + "' must be param:value with value one of "
                        + values);
            }
            parameters.put(parts[0].strip(), value);
        }
        return parameters;
    }
}
