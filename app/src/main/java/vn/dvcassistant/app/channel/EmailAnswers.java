package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.mail.Mailer;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers to citizens who left only an e-mail address: the comment outbox sends them by mail like any
 * other channel's. Without SMTP settings there is no sender and the answers wait in the outbox.
 */
@Singleton
final class EmailAnswers implements OutboundChannel {

    private final Optional<Mailer> mailer;
    private final Messages messages;

    EmailAnswers(Optional<Mailer> mailer, Messages messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<? extends ReplySender> sender() {
        return mailer.map(m -> (ReplySender) (address, reply) -> {
            String text = reply.parts().stream().filter(p -> p instanceof ReplyPart.Paragraph)
                    .map(p -> ((ReplyPart.Paragraph) p).text()).collect(Collectors.joining("\n\n"));
            return m.send(address, messages.get("mail.answer.subject"), text)
                    ? SendResult.delivered(1, List.of())
                    : SendResult.failed(1, "smtp_refused", List.of());
        });
    }
}
