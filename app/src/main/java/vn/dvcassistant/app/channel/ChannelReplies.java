package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.conversation.AnswerParts;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.conversation.ReplyKind;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.kb.OnlineLevel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's reply as chat messages with buttons. The automated-assistant notice and the consent
 * question go first, in a message of their own with the two consent buttons; then the answer with its
 * rating buttons and one button per suggested topic (at most {@link Reply#MAX_BUTTONS} in all); last, when
 * the engine offers to rate the procedure, the question whether the citizen did it (a message of its own:
 * the answer's buttons leave no room on Zalo); the levels and the agency follow ({@link SatisfactionButtons}).
 */
@Singleton
final class ChannelReplies {

    private final Messages messages;

    ChannelReplies(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param inGroup a group chat gets no satisfaction offer: it would nag every member, and only the one
     *                who asked could use it
     */
    List<Reply> render(ChatReply reply, boolean inGroup) {
        List<Reply> out = new ArrayList<>();
        List<ReplyPart> preamble = new ArrayList<>();
        if (reply.notice() != null) {
            preamble.add(new ReplyPart.Paragraph(reply.notice()));
        }
        if (reply.askConsent()) {
            preamble.add(new ReplyPart.Paragraph(messages.get("chat.consent.question")));
        }
        if (!preamble.isEmpty()) {
            Reply first = new Reply(preamble, List.of());
            out.add(reply.askConsent()
                    ? first.withButtonRow(new Button(messages.get("channel.button.consentYes"), ButtonAction.consent(true)),
                    new Button(messages.get("channel.button.consentNo"), ButtonAction.consent(false)))
                    : first);
        }
        out.add(main(reply));
        partsMenu(reply).ifPresent(out::add);
        if (!inGroup) {
            satisfactionOffer(reply).ifPresent(out::add);
        }
        return out;
    }

    /**
     * "Xem từng phần:" with a button per part of the answer the citizen has not just read (steps, documents,
     * fee, time, place; an information topic has only the first two), in a message of its own: the answer's
     * rating and related topics already take Zalo's five buttons. A tap asks that part about the same topic.
     */
    private Optional<Reply> partsMenu(ChatReply reply) {
        AnswerParts parts = reply.parts();
        if (!ReplyKind.ANSWER.wire().equals(reply.kind()) || parts == null || reply.sources().isEmpty()) {
            return Optional.empty();
        }
        String topicId = reply.sources().get(0).id();
        List<Button> buttons = new ArrayList<>();
        for (AnswerPart part : AnswerPart.values()) {
            String data = ButtonAction.part(part, topicId);
            if (part.presentIn(parts) && !part.code().equals(parts.focus())
                    && data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES) {
                buttons.add(new Button(messages.get(part.labelKey()), data));
            }
        }
        if (buttons.isEmpty()) {
            return Optional.empty();
        }
        // Two or three to a row: the labels are short, and one per row would fill a phone's screen.
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += 3) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + 3)));
        }
        return Optional.of(new Reply(List.of(new ReplyPart.Paragraph(messages.get("channel.parts.ask"))), rows));
    }

    /** The same messages with one more paragraph at the end of the last one. */
    static List<Reply> withClosingParagraph(List<Reply> messages, String paragraph) {
        List<Reply> out = new ArrayList<>(messages);
        Reply last = out.get(out.size() - 1);
        List<ReplyPart> parts = new ArrayList<>(last.parts());
        parts.add(new ReplyPart.Paragraph(paragraph));
        out.set(out.size() - 1, new Reply(parts, last.buttonRows()));
        return out;
    }

    /** First "did you do it?": someone who only asked how to do it must not rate the service. */
    private Optional<Reply> satisfactionOffer(ChatReply reply) {
        ChatReply.SatisfactionPrompt prompt = reply.satisfactionPrompt();
        if (prompt == null) {
            return Optional.empty();
        }
        String yes = ButtonAction.did(true, prompt.topicId());
        if (yes.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
            return Optional.empty();
        }
        String question = reply.sources().stream().filter(s -> s.id().equals(prompt.topicId())).findFirst()
                .map(s -> messages.get("channel.satisfaction.did", s.title()))
                .orElseGet(() -> messages.get("channel.satisfaction.didUntitled"));
        return Optional.of(new Reply(List.of(new ReplyPart.Paragraph(question)), List.of(
                List.of(new Button(messages.get("satisfaction.done"), yes)),
                List.of(new Button(messages.get("satisfaction.notDone"), ButtonAction.did(false, prompt.topicId()))))));
    }

    private Reply main(ChatReply reply) {
        boolean isAnswer = ReplyKind.ANSWER.wire().equals(reply.kind());
        // A model-composed answer is sent as its text (the official link is its last line), as on the web.
        boolean structured = isAnswer && reply.parts() != null && !ChatReply.LLM.equals(reply.composer());
        List<ReplyPart> parts = structured
                ? structured(reply.parts()).orElseGet(() -> paragraphs(coreText(reply)))
                : paragraphs(coreText(reply));
        List<List<Button>> rows = new ArrayList<>();
        int budget = Reply.MAX_BUTTONS;
        if (isAnswer) {
            rows.add(List.of(new Button(messages.get("channel.button.helpful"), ButtonAction.rate(reply.messageId(), true)),
                    new Button(messages.get("channel.button.notHelpful"), ButtonAction.rate(reply.messageId(), false))));
            budget -= 2;
        }
        boolean isFallback = ReplyKind.FALLBACK.wire().equals(reply.kind());
        if (isFallback) {
            budget -= 1; // the hand-off button goes last, under the topics
        }
        // One topic per row: titles are long, and side by side Telegram would cut them.
        for (ChatReply.Suggestion suggestion : reply.suggestions()) {
            String data = ButtonAction.topic(suggestion.id());
            if (budget == 0) {
                break;
            }
            if (data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES) {
                rows.add(List.of(new Button(suggestion.title(), data)));
                budget--;
            }
        }
        if (isFallback) {
            rows.add(List.of(new Button(messages.get("chat.handoff.button"), ButtonAction.HANDOFF)));
        }
        return new Reply(parts, rows);
    }

    /** The engine's text without the notice and consent question, which went in the first message. */
    private String coreText(ChatReply reply) {
        String text = reply.answer();
        if (reply.notice() != null && text.startsWith(reply.notice())) {
            text = text.substring(reply.notice().length());
        }
        String question = messages.get("chat.consent.question");
        if (reply.askConsent() && text.endsWith(question)) {
            text = text.substring(0, text.length() - question.length());
        }
        return text.strip();
    }

    /**
     * A short answer, or one about its steps or documents, as structure (bold list titles, a real link);
     * empty for the one-line answers about fee, time, authority or online, which read fine as text.
     */
    private Optional<List<ReplyPart>> structured(AnswerParts parts) {
        List<ReplyPart> out = new ArrayList<>();
        if ("steps".equals(parts.focus()) && !parts.steps().isEmpty()) {
            out.add(new ReplyPart.Paragraph(parts.title()));
            out.add(new ReplyPart.NumberedList(messages.get("answer.steps"), parts.steps()));
            addLink(out, parts);
            return Optional.of(out);
        }
        if ("documents".equals(parts.focus()) && !parts.documents().isEmpty()) {
            out.add(new ReplyPart.Paragraph(parts.title()));
            out.add(new ReplyPart.BulletList(messages.get("answer.documents"), parts.documents()));
            addLink(out, parts);
            return Optional.of(out);
        }
        if (parts.focus() != null) {
            return Optional.empty();
        }
        // Short first: the steps, documents, fee, time and place are one button away (partsMenu).
        out.add(new ReplyPart.Paragraph(parts.title() + "\n" + parts.shortAnswer()));
        OnlineLevel.fromLabel(parts.online() == null ? "" : parts.online()).ifPresent(level -> out.add(
                new ReplyPart.Paragraph(messages.get("channel.online." + level.name().toLowerCase(Locale.ROOT)))));
        addLink(out, parts);
        return Optional.of(out);
    }

    private void addLink(List<ReplyPart> out, AnswerParts parts) {
        if (parts.officialUrl() != null && parts.officialUrl().startsWith("http")) {
            out.add(new ReplyPart.Link(messages.get("channel.officialLink"), parts.officialUrl()));
        }
    }

    private static List<ReplyPart> paragraphs(String text) {
        List<ReplyPart> out = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                out.add(new ReplyPart.Paragraph(paragraph));
            }
        }
        return out.isEmpty() ? List.of(new ReplyPart.Paragraph(text.isBlank() ? "…" : text)) : out;
    }
}
