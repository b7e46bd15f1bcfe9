package vn.dvcassistant.app.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code channels}: what the Telegram and Zalo channels share.
 *
 * @param answerConcurrency answers computed at once across channels (DVC_CHANNEL_ANSWER_CONCURRENCY); 0 means
 *                          one fewer than the cores, so webhooks always have a core to answer on
 */
@ConfigurationProperties("channels")
public record ChannelSettings(@Bindable(defaultValue = "0") int answerConcurrency) {

    int answersAtOnce() {
        return answerConcurrency > 0 ? answerConcurrency : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
