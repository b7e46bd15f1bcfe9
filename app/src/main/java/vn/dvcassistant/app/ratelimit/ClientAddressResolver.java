package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The address every per-address limit counts (the /api limit, the tracking page, reactions, surveys, the
 * login): the connection's own address, unless that connection comes from a proxy listed in
 * {@code DVC_TRUSTED_PROXIES}; then the right-most address of {@code X-Forwarded-For} that is not a trusted
 * proxy, which is the last one a trusted proxy wrote. Micronaut's default took the client's own
 * {@code X-Forwarded-For} or {@code Forwarded} header at its word, so a made-up header was a fresh budget.
 *
 * <p>Replaces Micronaut's resolver so that every user of {@link HttpClientAddressResolver} gets this rule.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public final class ClientAddressResolver implements HttpClientAddressResolver {

    private final List<AddressRange> trustedProxies;

    ClientAddressResolver(@Nullable @Value("${dvc.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = AddressRange.parseList(trustedProxies);
    }

    @Override
    public @NonNull String resolve(@NonNull HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = AddressRange.parseLiteral(forwarded.get(i));
            if (hop == null) {
                // Garbage a trusted proxy passed on from the client: count the client by what it sent.
                return forwarded.get(i);
            }
            if (!trusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                String trimmed = hop.strip();
                if (!trimmed.isEmpty()) {
                    hops.add(trimmed);
                }
            }
        }
        return hops;
    }
}
