package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.StaffSession;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client cannot get a fresh allowance by making up a forwarding header: every per-address limit counts
 * the connection's address unless it comes from a configured proxy.
 */
class ClientAddressTest {

    private static final Map<String, Object> LIMITS = Map.of(
            "micronaut.server.port", -1,
            "dvc.rate-limit.enabled", true,
            "dvc.rate-limit.per-ip-per-minute", 3,
            "dvc.security.login-attempts-per-minute", 2);

    @Test
    void madeUpForwardingHeadersDoNotGiveAFreshBudgetByDefault() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, LIMITS, "test");
             HttpClient client = StaffSession.client(server)) {
            for (int i = 0; i < 3; i++) {
                assertThat(status(client, spoofed(HttpRequest.GET("/api/v1/ping"), i))).isEqualTo(200);
            }
            HttpResponse<String> api = StaffSession.send(client, spoofed(HttpRequest.GET("/api/v1/ping"), 9));
            assertThat(api.getStatus().getCode()).isEqualTo(429);
            assertThat(api.header("Retry-After")).isNotBlank();

            // The tracking page and the transparency reactions share that allowance.
            assertThat(status(client, spoofed(HttpRequest.GET("/gop-y/tra-cuu?ma=GY-2222AA"), 10))).isEqualTo(429);
            assertThat(status(client, spoofed(HttpRequest.POST("/minh-bach/GY-2222AA/reaction", "useful=true")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), 11))).isEqualTo(429);

            // The login's own, smaller allowance: two attempts, then 429 with Retry-After whatever the headers say.
            for (int i = 0; i < 2; i++) {
                assertThat(status(client, spoofed(login(), 20 + i))).isBetween(300, 399);
            }
            HttpResponse<String> refused = StaffSession.send(client, spoofed(login(), 30));
            assertThat(refused.getStatus().getCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
    }

    @Test
    void behindATrustedProxyTheRightMostAddressItDidNotAddIsCounted() {
        Map<String, Object> config = new java.util.HashMap<>(LIMITS);
        config.put("dvc.trusted-proxies", "127.0.0.0/8, ::1/128, 10.1.0.0/16");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = StaffSession.client(server)) {
            // Each citizen behind the proxy has their own allowance ...
            for (int citizen = 0; citizen < 2; citizen++) {
                for (int i = 0; i < 3; i++) {
                    assertThat(status(client, HttpRequest.GET("/api/v1/ping")
                            .header("X-Forwarded-For", "203.0.113." + citizen))).isEqualTo(200);
                }
            }
            // ... and what a citizen puts in front of the proxy's entry changes nothing; a second trusted hop is skipped.
            assertThat(status(client, HttpRequest.GET("/api/v1/ping")
                    .header("X-Forwarded-For", "198.51.100.7, 203.0.113.0, 10.1.2.3"))).isEqualTo(429);
            assertThat(status(client, HttpRequest.GET("/api/v1/ping")
                    .header("X-Forwarded-For", "203.0.113.0").header("X-Forwarded-For", "198.51.100.8"))).isEqualTo(200);
        }
    }

    @Test
    void addressRangesMatchByPrefix() throws Exception {
        AddressRange range = AddressRange.parse("10.1.0.0/16");
        assertThat(range.contains(InetAddress.getByName("10.1.255.3"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.168.1.128/25").contains(InetAddress.getByName("192.168.1.200"))).isTrue();
        assertThat(AddressRange.parse("192.168.1.128/25").contains(InetAddress.getByName("192.168.1.100"))).isFalse();
        assertThat(AddressRange.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(AddressRange.parseLiteral("example.org")).as("never a DNS lookup").isNull();
        assertThat(AddressRange.parseList(" ")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressRange.parseList("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MutableHttpRequest<?> spoofed(MutableHttpRequest<?> request, int n) {
        return request.header("X-Forwarded-For", "198.51.100." + n)
                .header("Forwarded", "for=198.51.100." + n)
                .header("X-Real-IP", "198.51.100." + n);
    }

    private static MutableHttpRequest<?> login() {
        return StaffSession.origin(HttpRequest.POST("/login", Map.of("username", "khong-co-ai", "password", "sai-mat-khau"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private static int status(HttpClient client, MutableHttpRequest<?> request) {
        return StaffSession.send(client, request).getStatus().getCode();
    }
}
