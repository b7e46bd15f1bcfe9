package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * dvc_answer_latency_seconds (histogram) and dvc_answers_total by kind and channel. Every series is
 * registered at start (at zero), so a message only records: looking a meter up by its tags on each
 * message cost as much as a quarter of a search.
 */
@Singleton
final class ConversationMetrics {

    private final Map<ReplyKind, Timer> latency = new EnumMap<>(ReplyKind.class);
    private final Map<ReplyKind, Map<Channel, Counter>> answers = new EnumMap<>(ReplyKind.class);

    ConversationMetrics(MeterRegistry registry) {
        for (ReplyKind kind : ReplyKind.values()) {
            latency.put(kind, Timer.builder("dvc.answer.latency")
                    .description("Time to decide and compose a reply, storage included")
                    .tag("kind", kind.wire())
                    .publishPercentileHistogram()
                    .register(registry));
            Map<Channel, Counter> byChannel = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                byChannel.put(channel, Counter.builder("dvc.answers")
                        .description("Replies by kind and channel")
                        .tag("kind", kind.wire())
                        .tag("channel", channel.code())
                        .register(registry));
            }
            answers.put(kind, byChannel);
        }
    }

    void record(ReplyKind kind, Channel channel, Duration latency) {
        this.latency.get(kind).record(latency);
        answers.get(kind).get(channel).increment();
    }
}
