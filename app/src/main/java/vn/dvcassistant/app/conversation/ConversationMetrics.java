package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/** dvc_answer_latency_seconds (histogram) and dvc_answers_total by kind and channel. */
@Singleton
final class ConversationMetrics {

    private final MeterRegistry registry;

    ConversationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ReplyKind kind, Channel channel, Duration latency) {
        Timer.builder("dvc.answer.latency")
                .description("Time to decide and compose a reply, storage included")
                .tag("kind", kind.wire())
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
        Counter.builder("dvc.answers")
                .description("Replies by kind and channel")
                .tag("kind", kind.wire())
                .tag("channel", channel.code())
                .register(registry)
                .increment();
    }
}
