package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.SendResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** What {@code /health} says about each chat channel: on or off, and how its sending goes. */
@Singleton
public final class ChannelStatus {

    private final Map<Channel, State> states = new ConcurrentHashMap<>();

    /** A channel that is configured and running, with how it receives updates (webhook, polling). */
    public void started(Channel channel, String mode, IntSupplier queued) {
        states.put(channel, new State(mode, queued));
    }

    public void recordSend(Channel channel, SendResult result) {
        State state = states.get(channel);
        if (state != null) {
            state.last = new LastSend(Instant.now(), result.delivered(), result.failureReason());
            (result.delivered() ? state.sent : state.failed).incrementAndGet();
        }
    }

    /**
     * More details for a running channel, read at each /health request (Zalo: its tokens' expiry and last
     * refresh). A supplier that fails shows as {@code detailsUnavailable} instead of failing /health.
     */
    public void addDetails(Channel channel, Supplier<Map<String, Object>> more) {
        State state = states.get(channel);
        if (state != null) {
            state.more = more;
        }
    }

    public void recordDrop(Channel channel) {
        State state = states.get(channel);
        if (state != null) {
            state.dropped.incrementAndGet();
        }
    }

    /** Details for one channel; {@code enabled=false} when it is not configured. */
    public Map<String, Object> details(Channel channel) {
        Map<String, Object> details = new LinkedHashMap<>();
        State state = states.get(channel);
        details.put("enabled", state != null);
        if (state == null) {
            return details;
        }
        details.put("mode", state.mode);
        LastSend last = state.last;
        details.put("lastSendSucceeded", last == null ? null : last.delivered);
        details.put("lastSendAt", last == null ? null : last.at.toString());
        details.put("lastFailure", last == null ? null : last.failureReason);
        details.put("sent", state.sent.get());
        details.put("failed", state.failed.get());
        details.put("dropped", state.dropped.get());
        details.put("queued", state.queued.getAsInt());
        if (state.more != null) {
            try {
                details.putAll(state.more.get());
            } catch (RuntimeException e) {
                details.put("detailsUnavailable", e.getClass().getSimpleName());
            }
        }
        return details;
    }

    private record LastSend(Instant at, boolean delivered, String failureReason) {
    }

    private static final class State {
        final String mode;
        final IntSupplier queued;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        volatile LastSend last;
        volatile Supplier<Map<String, Object>> more;

        State(String mode, IntSupplier queued) {
            this.mode = mode;
            this.queued = queued;
        }
    }
}
