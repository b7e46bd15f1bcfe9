package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.conversation.AnswerParts;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.conversation.ReplyKind;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's reply as chat messages with buttons. The automated-assistant notice and the consent
 * question go first, in a message of their own with the two consent buttons; then the answer with its
 * rating buttons and one button per suggested topic (at most {@link Reply#MAX_BUTTONS} in all); last, when
 * the engine offers it, a short question to rate the procedure with one button per official level (a
 * message of its own: the answer's buttons leave no room for three more on Zalo).
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
        if (!inGroup) {
            satisfactionOffer(reply).ifPresent(out::add);
        }
        return out;
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

    private Optional<Reply> satisfactionOffer(ChatReply reply) {
        ChatReply.SatisfactionPrompt prompt = reply.satisfactionPrompt();
        if (prompt == null) {
            return Optional.empty();
        }
        List<List<Button>> rows = new ArrayList<>();
        for (String code : prompt.levels()) {
            Optional<SatisfactionLevel> level = SatisfactionLevel.fromCode(code);
            String data = level.map(l -> ButtonAction.satisfaction(l, prompt.topicId())).orElse("");
            if (level.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
                return Optional.empty();
            }
            // One per row: side by side, Telegram cuts "Không hài lòng" on a narrow phone.
            rows.add(List.of(new Button(messages.get("survey.level." + code), data)));
        }
        String question = reply.sources().stream().filter(s -> s.id().equals(prompt.topicId())).findFirst()
                .map(s -> messages.get("channel.satisfaction.ask", s.title()))
                .orElseGet(() -> messages.get("channel.satisfaction.askUntitled"));
        return Optional.of(new Reply(List.of(new ReplyPart.Paragraph(question)), rows));
    }

    private Reply main(ChatReply reply) {
        boolean isAnswer = ReplyKind.ANSWER.wire().equals(reply.kind());
        List<ReplyPart> parts = isAnswer && reply.parts() != null
                ? structured(reply.parts()).orElseGet(() -> paragraphs(coreText(reply)))
                : paragraphs(coreText(reply));
        List<List<Button>> rows = new ArrayList<>();
        int budget = Reply.MAX_BUTTONS;
        if (isAnswer) {
            rows.add(List.of(new Button(messages.get("channel.button.helpful"), ButtonAction.rate(reply.messageId(), true)),
                    new Button(messages.get("channel.button.notHelpful"), ButtonAction.rate(reply.messageId(), false))));
            budget -= 2;
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
     * A full answer, or one about its steps or documents, as structure (bold list titles, a real link);
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
        out.add(new ReplyPart.Paragraph(parts.title() + "\n" + parts.summary()));
        if (!parts.steps().isEmpty()) {
            out.add(new ReplyPart.NumberedList(messages.get("answer.steps"), parts.steps()));
        }
        if (!parts.documents().isEmpty()) {
            out.add(new ReplyPart.BulletList(messages.get("answer.documents"), parts.documents()));
        }
        if (parts.online() != null) {
            out.add(new ReplyPart.Paragraph(String.join("\n",
                    messages.get("answer.fee", parts.fee()),
                    messages.get("answer.processingTime", parts.processingTime()),
                    messages.get("answer.authority", parts.authority()),
                    messages.get("answer.online", parts.online()))));
        }
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
