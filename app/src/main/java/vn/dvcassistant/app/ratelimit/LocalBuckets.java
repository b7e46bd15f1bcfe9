package vn.dvcassistant.app.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Token buckets in this instance's memory, {@code perMinute} per minute: the fallback of {@link SharedBuckets}. */
public final class LocalBuckets {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return empty when taken, else the seconds until a token is back */
    public OptionalLong take(String client, int perMinute) {
        ConsumptionProbe probe = bucket(client, perMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    public boolean isEmpty(String client) {
        Bucket bucket = buckets.get(client);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** A full bucket holds nothing a new one would not, so idle clients cost no memory. */
    public void forgetFull(int perMinute) {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
    }

    private Bucket bucket(String client, int perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
                .build());
    }
}
