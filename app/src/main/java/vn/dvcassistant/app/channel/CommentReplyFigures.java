package vn.dvcassistant.app.channel;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How agencies' messages about comments (answers, questions, rejections, transfers) reached citizens on
 * one channel, for the messages created in a period.
 *
 * @param sentInChat            delivered in the chat (on Zalo: within the window after the citizen's last message)
 * @param sentAsTemplate        the window was closed; the citizen got the province's template message
 * @param sentAfterCitizenWrote the window was closed and there was no template: kept, then sent when the citizen wrote
 * @param waitingForCitizen     kept until the citizen writes again
 * @param failed                given up: refused for good, or failed on every attempt
 * @param pending               not sent yet, to be tried again
 */
@Serdeable
public record CommentReplyFigures(String channel, long total, long sentInChat, long sentAsTemplate,
                                  long sentAfterCitizenWrote, long waitingForCitizen, long failed, long pending) {
}
