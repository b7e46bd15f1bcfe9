package vn.dvcassistant.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.MalformedPayloadException;

/**
 * Telegram update (webhook body or polled) to a channel-neutral event. In groups the bot only listens when
 * it is @mentioned or replied to; everything else there is IGNORED.
 */
public final class TelegramInboundConverter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Jackson needs about two seconds to build deserializers for Update's large type graph. Paying that when
     * the class loads, at start-up, keeps the first webhook fast (Zalo wants its 200 within 2 s).
     */
    static {
        try {
            JSON.readValue("""
                    {"update_id":0,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},
                    "from":{"id":1,"is_bot":false,"first_name":"a"},"text":"a",
                    "entities":[{"type":"mention","offset":0,"length":1}],
                    "reply_to_message":{"message_id":2,"date":1,"chat":{"id":1,"type":"private"}}},
                    "callback_query":{"id":"1","from":{"id":1,"is_bot":false,"first_name":"a"},"data":"a",
                    "message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}}}}""", Update.class);
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long botId;
    private final String mention;

    public TelegramInboundConverter(TelegramConfig config) {
        this.botId = config.botId();
        this.mention = config.botUsername() == null ? null : "@" + config.botUsername().toLowerCase(Locale.ROOT);
    }

    /** Parses a webhook body; throws {@link MalformedPayloadException} when it is not an update. */
    public InboundEvent convert(String rawJson) {
        Update update;
        try {
            update = JSON.readValue(rawJson, Update.class);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("not a Telegram update: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("not a Telegram update: " + e.getMessage(), e);
        }
        if (update == null || update.getUpdateId() == null) {
            throw new MalformedPayloadException("Telegram update without update_id");
        }
        return convert(update);
    }

    public InboundEvent convert(Update update) {
        String deliveryId = String.valueOf(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            return fromCallback(deliveryId, update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return fromMessage(deliveryId, update.getMessage(), false);
        }
        if (update.hasEditedMessage()) {
            return fromMessage(deliveryId, update.getEditedMessage(), true);
        }
        return InboundEvent.ignored(Channel.TELEGRAM, deliveryId);
    }

    private InboundEvent fromCallback(String deliveryId, CallbackQuery query) {
        if (query.getData() == null) {
            return InboundEvent.ignored(Channel.TELEGRAM, deliveryId);
        }
        MaybeInaccessibleMessage message = query.getMessage();
        String userId = String.valueOf(query.getFrom().getId());
        String chatId = message != null && message.getChatId() != null ? String.valueOf(message.getChatId()) : userId;
        boolean group = message != null && isGroup(message.getChat());
        return new InboundEvent(Channel.TELEGRAM, deliveryId, chatId, userId, InboundType.BUTTON,
                null, query.getData(), query.getId(), group, true);
    }

    private InboundEvent fromMessage(String deliveryId, Message message, boolean edited) {
        String chatId = String.valueOf(message.getChatId());
        String userId = message.getFrom() == null ? chatId : String.valueOf(message.getFrom().getId());
        boolean group = isGroup(message.getChat());
        boolean addressed = !group || mentionsBot(message) || repliesToBot(message);
        if (!addressed) {
            return new InboundEvent(Channel.TELEGRAM, deliveryId, chatId, userId, InboundType.IGNORED,
                    null, null, null, true, false);
        }
        if (edited || !message.hasText()) {
            return new InboundEvent(Channel.TELEGRAM, deliveryId, chatId, userId, InboundType.UNSUPPORTED,
                    message.getCaption(), null, null, group, true);
        }
        String text = withoutMention(message.getText());
        InboundType type = isStart(text) ? InboundType.START : InboundType.TEXT;
        return new InboundEvent(Channel.TELEGRAM, deliveryId, chatId, userId, type, text, null, null, group, true);
    }

    private static boolean isGroup(Chat chat) {
        return chat != null && ("group".equals(chat.getType()) || "supergroup".equals(chat.getType()));
    }

    private boolean mentionsBot(Message message) {
        String text = message.hasText() ? message.getText() : message.getCaption();
        List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
        if (text == null || entities == null) {
            return false;
        }
        for (MessageEntity entity : entities) {
            if ("text_mention".equals(entity.getType()) && entity.getUser() != null
                    && entity.getUser().getId() == botId) {
                return true;
            }
            if (mention != null && ("mention".equals(entity.getType()) || "bot_command".equals(entity.getType()))) {
                String entityText = slice(text, entity);
                if (entityText.toLowerCase(Locale.ROOT).endsWith(mention)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean repliesToBot(Message message) {
        Message replied = message.getReplyToMessage();
        if (replied == null || replied.getFrom() == null) {
            return false;
        }
        User author = replied.getFrom();
        return author.getId() == botId;
    }

    private static String slice(String text, MessageEntity entity) {
        int start = Math.max(0, entity.getOffset());
        int end = Math.min(text.length(), start + entity.getLength());
        return start < end ? text.substring(start, end) : "";
    }

    /** "@dvc_bot thủ tục?" reads as "thủ tục?"; "/start@dvc_bot" as "/start". */
    private String withoutMention(String text) {
        if (mention == null) {
            return text.strip();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = lower.indexOf(mention, from)) >= 0) {
            out.append(text, from, at);
            from = at + mention.length();
        }
        out.append(text.substring(from));
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private static boolean isStart(String text) {
        return text.equals("/start") || text.startsWith("/start ");
    }
}
