package vn.dvcassistant.app.channel;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import vn.dvcassistant.channel.Channel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the chat channels that are on and whether their last send succeeded. Always UP: a channel whose
 * API is down is reported here, but must not take the web chat out of a load balancer.
 */
@Singleton
final class ChannelHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ChannelStatus status;

    ChannelHealthIndicator(ChannelStatus status) {
        this.status = status;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("telegram", status.details(Channel.TELEGRAM));
        details.put("zalo", status.details(Channel.ZALO));
        return details;
    }

    @Override
    protected String getName() {
        return "channels";
    }
}
