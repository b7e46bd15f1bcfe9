package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.channel.ChatCommand;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.kb.Deadline;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.VietnameseText;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Nhắc tôi" in a Telegram or Zalo chat: under an answer whose entry states a deadline ({@link Deadline}),
 * the button asks for the date the deadline counts from; the citizen's next message that is a date
 * schedules one reminder {@link OutreachSettings#reminderLeadDays()} days before the deadline. "Hủy nhắc
 * hạn" (button or words) cancels. Only with consent and in a private chat, as subscriptions.
 */
@Singleton
final class ReminderCommands implements ChatCommand {

    static final String ASK = "rem:";
    static final String CANCEL_BUTTON = "rem:off";

    private static final Set<String> CANCEL = Set.of("/huynhac", "huy nhac", "huy nhac han", "huy nhac nho",
            "ngung nhac");
    /** d/m/yyyy, with / - or . between; a two-digit year is read as 20yy. */
    private static final Pattern DATE = Pattern.compile("(?:ngay\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{2}|\\d{4})");

    private final Reminders reminders;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;
    private final ProvinceClock clock;
    private final OutreachSettings settings;

    ReminderCommands(Reminders reminders, KnowledgeBase knowledgeBase, Messages messages, ProvinceClock clock,
                     OutreachSettings settings) {
        this.reminders = reminders;
        this.knowledgeBase = knowledgeBase;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Optional<List<Reply>> onText(Chat chat, String text) {
        String folded = VietnameseText.fold(text).strip().replaceAll("\\s+", " ");
        if (CANCEL.contains(folded)) {
            return Optional.of(cancel(chat));
        }
        Matcher date = DATE.matcher(folded);
        if (!date.matches()) {
            return Optional.empty(); // a question, even while a reminder waits for its date
        }
        Optional<String> waiting = reminders.awaitingDate(chat.sessionKey());
        Optional<Topic> topic = waiting.flatMap(knowledgeBase::topic).filter(t -> t.deadline() != null);
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start;
        try {
            int year = Integer.parseInt(date.group(3));
            start = LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1)));
        } catch (DateTimeException e) {
            return Optional.of(text(messages.get("outreach.reminder.badDate")));
        }
        return Optional.of(schedule(chat, topic.get(), start));
    }

    @Override
    public Optional<List<Reply>> onButton(Chat chat, String data) {
        if (data.equals(CANCEL_BUTTON)) {
            return Optional.of(cancel(chat));
        }
        if (!data.startsWith(ASK)) {
            return Optional.empty();
        }
        Optional<Topic> topic = knowledgeBase.topic(data.substring(ASK.length())).filter(t -> t.deadline() != null);
        if (topic.isEmpty()) {
            return Optional.of(text(messages.get("error.unknown_topic")));
        }
        if (chat.fromGroup()) {
            return Optional.of(text(messages.get("outreach.reminder.privateOnly")));
        }
        if (!chat.consent().getAsBoolean()) {
            return Optional.of(List.of(Reply.text(messages.get("outreach.reminder.needsConsent"))
                    .withButtonRow(new Button(messages.get("channel.button.consentYes"), "consent:yes"),
                            new Button(messages.get("channel.button.consentNo"), "consent:no"))));
        }
        Deadline deadline = topic.get().deadline();
        reminders.ask(chat.sessionKey(), chat.channel().code(), topic.get().id());
        String ask = messages.get("outreach.reminder.askDate", deadline.countsFrom(), deadline.quote(),
                ZaloNotices.day(clock.today()));
        if (chat.channel() == Channel.ZALO) {
            ask += "\n" + messages.get("outreach.reminder.zaloRule");
        }
        return Optional.of(text(ask));
    }

    @Override
    public List<Button> afterAnswer(Chat chat, @Nullable String topicId) {
        boolean stated = topicId != null && knowledgeBase.topic(topicId).map(Topic::deadline).isPresent();
        return stated ? List.of(new Button(messages.get("outreach.button.remind"), ASK + topicId)) : List.of();
    }

    private List<Reply> schedule(Chat chat, Topic topic, LocalDate start) {
        LocalDate today = clock.today();
        Deadline deadline = topic.deadline();
        if (start.isAfter(today.plusYears(1))) {
            return text(messages.get("outreach.reminder.badDate"));
        }
        LocalDate due = deadline.due(start);
        if (!due.isAfter(today)) {
            reminders.dropAwaiting(chat.sessionKey());
            return text(messages.get(due.isEqual(today) ? "outreach.reminder.dueToday" : "outreach.reminder.passed",
                    ZaloNotices.day(due), topic.title()));
        }
        // A lead longer than what is left: remind tomorrow, still before the deadline.
        LocalDate remindOn = due.minusDays(settings.reminderLeadDays());
        if (!remindOn.isAfter(today)) {
            remindOn = today.plusDays(1).isBefore(due) ? today.plusDays(1) : due;
        }
        reminders.schedule(chat.sessionKey(), due, remindOn);
        long left = ChronoUnit.DAYS.between(today, due);
        return List.of(Reply.text(messages.get("outreach.reminder.scheduled", topic.title(), ZaloNotices.day(due),
                        String.valueOf(left), ZaloNotices.day(remindOn)))
                .withButtonRow(new Button(messages.get("outreach.button.cancelReminder"), CANCEL_BUTTON)));
    }

    private List<Reply> cancel(Chat chat) {
        int cancelled = reminders.cancelAll(chat.sessionKey());
        return text(messages.get(cancelled > 0 ? "outreach.reminder.cancelled" : "outreach.reminder.none"));
    }

    private static List<Reply> text(String text) {
        return List.of(Reply.text(text));
    }
}
