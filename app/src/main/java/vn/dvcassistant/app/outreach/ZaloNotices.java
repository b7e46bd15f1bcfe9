package vn.dvcassistant.app.outreach;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.zalo.ZaloTemplateMessage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Announcements and reminders as the province's approved Zalo template messages, for followers Zalo's
 * consultation messages no longer reach; empty when the province has no such template (then the message
 * is counted as blocked by Zalo's rules, never sent silently to nowhere).
 */
@Singleton
final class ZaloNotices {

    /** Template parameters are short: Zalo approves a maximum length per parameter (100 is common). */
    static final int MAX_PARAMETER = 100;

    private final OutreachZaloTemplates templates;
    private final ProvinceClock clock;

    ZaloNotices(OutreachZaloTemplates templates, ProvinceClock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    Optional<ZaloTemplateMessage> announcement(Campaign campaign, long deliveryId) {
        if (!templates.announcementConfigured()) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        templates.announcementParameters().forEach((parameter, value) -> data.put(parameter, switch (value) {
            case "title" -> firstLine(campaign.text());
            case "date" -> day(clock.today());
            default -> throw new IllegalStateException("unknown template value " + value);
        }));
        return Optional.of(new ZaloTemplateMessage(templates.announcementId().strip(), data, "campaign-" + deliveryId));
    }

    Optional<ZaloTemplateMessage> reminder(String task, LocalDate deadline, long reminderId) {
        if (!templates.reminderConfigured()) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        templates.reminderParameters().forEach((parameter, value) -> data.put(parameter, switch (value) {
            case "task" -> cut(task);
            case "deadline" -> day(deadline);
            case "date" -> day(clock.today());
            default -> throw new IllegalStateException("unknown template value " + value);
        }));
        return Optional.of(new ZaloTemplateMessage(templates.reminderId().strip(), data, "reminder-" + reminderId));
    }

    static String day(LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String firstLine(String text) {
        return cut(text.strip().split("\n", 2)[0].strip());
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_PARAMETER) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_PARAMETER - 1)).strip() + "…";
    }
}
