package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.channel.ChatCommand;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.VietnameseText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subscribing in the chat: "/dangky" (or "Nhận thông báo") subscribes to every announcement, "/dangky ho-tich
 * UBND-XA" to a field and a commune; the "Nhận thông báo" button under an answer adds that answer's field.
 * "/huy", "Hủy nhận thông báo" or "stop" ends it at once. Only with consent and in a private chat: the
 * chat id is kept only while consent stands, and a group is not one person.
 */
@Singleton
final class SubscriptionCommands implements ChatCommand {

    static final String SUBSCRIBE_BUTTON = "sub:on";
    static final String UNSUBSCRIBE_BUTTON = "sub:off";

    private static final Set<String> SUBSCRIBE = Set.of("/dangky", "nhan thong bao", "dang ky nhan thong bao",
            "dang ky thong bao");
    private static final Set<String> UNSUBSCRIBE = Set.of("/huy", "/stop", "stop", "huy nhan thong bao",
            "huy thong bao", "ngung nhan thong bao", "huy dang ky");

    private final Subscriptions subscriptions;
    private final Communes communes;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;

    SubscriptionCommands(Subscriptions subscriptions, Communes communes, KnowledgeBase knowledgeBase,
                         Messages messages) {
        this.subscriptions = subscriptions;
        this.communes = communes;
        this.knowledgeBase = knowledgeBase;
        this.messages = messages;
    }

    @Override
    public Optional<List<vn.dvcassistant.channel.Reply>> onText(Chat chat, String text) {
        String folded = VietnameseText.fold(text).strip().replaceAll("\\s+", " ");
        if (UNSUBSCRIBE.contains(folded)) {
            return Optional.of(unsubscribe(chat));
        }
        String command = SUBSCRIBE.stream().filter(c -> folded.equals(c) || folded.startsWith(c + " "))
                .findFirst().orElse(null);
        if (command == null) {
            return Optional.empty();
        }
        List<String> words = List.of(text.strip().split("\\s+"));
        int skip = command.split(" ").length;
        return Optional.of(subscribe(chat, words.subList(Math.min(skip, words.size()), words.size()), false));
    }

    @Override
    public Optional<List<vn.dvcassistant.channel.Reply>> onButton(Chat chat, String data) {
        if (data.equals(UNSUBSCRIBE_BUTTON)) {
            return Optional.of(unsubscribe(chat));
        }
        if (data.equals(SUBSCRIBE_BUTTON) || data.startsWith(SUBSCRIBE_BUTTON + ":")) {
            List<String> field = data.equals(SUBSCRIBE_BUTTON) ? List.of() : List.of(data.substring(7));
            return Optional.of(subscribe(chat, field, true));
        }
        return Optional.empty();
    }

    @Override
    public List<Button> afterAnswer(Chat chat, @Nullable String topicId) {
        if (subscriptions.active(chat.sessionKey()).isPresent()) {
            return List.of();
        }
        String field = topicId == null ? null : knowledgeBase.topic(topicId).map(Topic::field).map(Field::code).orElse(null);
        return List.of(new Button(messages.get("outreach.button.subscribe"),
                field == null ? SUBSCRIBE_BUTTON : SUBSCRIBE_BUTTON + ":" + field));
    }

    /**
     * @param words   field codes and commune codes the citizen named
     * @param adding  a button press adds its field to an existing subscription rather than replacing it
     */
    private List<vn.dvcassistant.channel.Reply> subscribe(Chat chat, List<String> words, boolean adding) {
        if (chat.fromGroup()) {
            return text(messages.get("outreach.subscribe.privateOnly"));
        }
        if (!chat.consent().getAsBoolean()) {
            return List.of(vn.dvcassistant.channel.Reply.text(messages.get("outreach.subscribe.needsConsent"))
                    .withButtonRow(new Button(messages.get("channel.button.consentYes"), "consent:yes"),
                            new Button(messages.get("channel.button.consentNo"), "consent:no")));
        }
        Set<String> fields = new LinkedHashSet<>();
        String commune = null;
        List<String> unknown = new ArrayList<>();
        for (String word : words) {
            Optional<Field> field = Field.fromCode(word.strip().toLowerCase(java.util.Locale.ROOT));
            Optional<Agency> agency = communes.find(word);
            if (field.isPresent()) {
                fields.add(field.get().code());
            } else if (agency.isPresent()) {
                commune = agency.get().code();
            } else {
                unknown.add(word);
            }
        }
        if (commune == null && !unknown.isEmpty()) {
            // "/dangky ho-tich phường Phủ Lý": the words left over may be the commune's name.
            Optional<Agency> named = communes.named(String.join(" ", unknown));
            if (named.isPresent()) {
                commune = named.get().code();
                unknown.clear();
            }
        }
        Optional<Subscription> current = subscriptions.active(chat.sessionKey());
        if (adding && current.isPresent()) {
            if (current.get().fields().isEmpty()) {
                fields.clear();
            } else {
                fields.addAll(current.get().fields());
            }
            commune = current.get().commune();
        }
        subscriptions.subscribe(chat.sessionKey(), chat.channel().code(), List.copyOf(fields), commune);
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("outreach.subscribe.done"));
        lines.add(fields.isEmpty() ? messages.get("outreach.subscribe.allFields")
                : messages.get("outreach.subscribe.fields", String.join(", ",
                fields.stream().map(code -> Field.fromCode(code).map(Field::label).orElse(code)).toList())));
        if (commune != null) {
            String code = commune;
            lines.add(messages.get("outreach.subscribe.commune",
                    communes.find(code).map(Agency::name).orElse(code)));
        }
        if (!unknown.isEmpty()) {
            lines.add(messages.get("outreach.subscribe.unknownWords", String.join(", ", unknown)));
        }
        lines.add(messages.get("outreach.subscribe.howToStop"));
        return List.of(vn.dvcassistant.channel.Reply.text(String.join("\n", lines))
                .withButtonRow(new Button(messages.get("outreach.button.unsubscribe"), UNSUBSCRIBE_BUTTON)));
    }

    private List<vn.dvcassistant.channel.Reply> unsubscribe(Chat chat) {
        boolean ended = subscriptions.end(chat.sessionKey(), Subscriptions.ENDED_BY_CITIZEN);
        return text(messages.get(ended ? "outreach.unsubscribe.done" : "outreach.unsubscribe.none"));
    }

    private static List<vn.dvcassistant.channel.Reply> text(String text) {
        return List.of(vn.dvcassistant.channel.Reply.text(text));
    }
}
