package vn.dvcassistant.app.channel;

import vn.dvcassistant.channel.Channel;


import java.time.Duration;
import java.util.Map;

/**
 * Waits until a channel has dealt with every update it received (its {@code queued} count, as /health shows
 * it to admins, is 0): the event after which a message that was not sent will never be sent, so a test can
 * assert its absence.
 */
public final class ChannelIdle {

    private ChannelIdle() {
    }

    public static void await(ChannelStatus status, Channel channel) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<String, Object> details = status.details(channel);
            if (((Number) details.get("queued")).intValue() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(channel + " still has updates to answer after 10 s: " + details);
            }
            FakeApiServer.sleep(20);
        }
    }
}
