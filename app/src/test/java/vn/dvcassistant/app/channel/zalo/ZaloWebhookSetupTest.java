package vn.dvcassistant.app.channel.zalo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.APP_ID;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.SEND;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.SENT;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.mac;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.msgId;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.newUserId;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.to;

/**
 * What an OA owner meets when connecting the OA: Zalo's domain verification (a file or a meta tag), the
 * console's unsigned test POST when the webhook address is saved, and webhooks whose bodies are not written
 * the way our own JSON writer would write them. Raw HTTP, so the bytes sent are exactly the bytes signed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloWebhookSetupTest implements TestPropertyProvider {

    static final String FILE_NAME = "zalo_verifierQ1w2E3r4T5y6.html";
    static final String FILE_CONTENT = "<html><head><meta property=\"zalo-platform-site-verification\" "
            + "content=\"Q1w2E3r4T5y6\" /></head><body>There Is No Limit To What You Can Accomplish Using Zalo!</body></html>";

    private final FakeApiServer openApi = new FakeApiServer();
    private final FakeApiServer oauth = new FakeApiServer();
    private final HttpClient raw = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        openApi.on(SEND, new Response(200, SENT));
        Map<String, String> properties = new HashMap<>(FakeApiServer.freePortProperties());
        properties.put("channels.zalo.app-id", APP_ID);
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", ZaloChannelTest.OA_SECRET);
        properties.put("channels.zalo.access-token", "configured-access-token");
        properties.put("channels.zalo.refresh-token", "configured-refresh-token");
        properties.put("channels.zalo.api-url", openApi.baseUrl());
        properties.put("channels.zalo.oauth-url", oauth.baseUrl());
        properties.put("channels.zalo.domain-verification.file-name", FILE_NAME);
        properties.put("channels.zalo.domain-verification.file-content", FILE_CONTENT);
        properties.put("channels.zalo.domain-verification.meta", "Q1w2E3r4T5y6");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        openApi.close();
        oauth.close();
    }

    @Test
    void theVerificationFileIsServedAtTheRootAsConfigured() throws Exception {
        HttpResponse<String> file = get("/" + FILE_NAME);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(FILE_CONTENT);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(get("/zalo_verifierOTHER.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theHomePageCarriesTheVerificationMetaTagAndIsStillTheChatPage() throws Exception {
        for (String path : new String[] {"/", "/index.html"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            String head = page.body().substring(0, page.body().indexOf("</head>"));
            assertThat(head).contains("<meta name=\"zalo-platform-site-verification\" content=\"Q1w2E3r4T5y6\">");
            assertThat(page.body()).contains("Trợ lý Dịch vụ công").contains("id=\"composer\"");
        }
        assertThat(get("/chat.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aWholeMetaTagIsUsedAsGivenAndContentIsEscaped() {
        String tag = "<meta name=\"zalo-platform-site-verification\" content=\"AbC\" />";
        assertThat(ZaloDomainVerification.metaTag(tag)).isEqualTo(tag);
        assertThat(ZaloDomainVerification.metaTag("a\"><script>x</script>"))
                .isEqualTo("<meta name=\"zalo-platform-site-verification\" content=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">");
    }

    @Test
    void theConsolesUnsignedEmptyTestEventGetsA200AndNothingIsProcessed() throws Exception {
        long deliveries = deliveries();
        int sends = openApi.requests(SEND, r -> true).size();

        assertThat(post("{}", null, "application/json").statusCode()).isEqualTo(200);
        assertThat(post(" { }\n", null, null).statusCode()).isEqualTo(200);
        assertThat(post("", null, "text/plain").statusCode()).isEqualTo(200);

        FakeApiServer.sleep(300);
        assertThat(deliveries()).isEqualTo(deliveries);
        assertThat(openApi.requests(SEND, r -> true)).hasSize(sends);
    }

    @Test
    void anyRealEventStillNeedsItsSignature() throws Exception {
        String user = newUserId();
        String body = ZaloChannelTest.text(user, msgId(user), "xin chào");

        HttpResponse<String> unsigned = post(body, null, "application/json");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("webhook_signature_missing");
        assertThat(post("{\"app_id\":\"" + APP_ID + "\"}", null, "application/json").statusCode()).isEqualTo(401);
        FakeApiServer.sleep(300);
        assertThat(openApi.requests(SEND, to(user))).isEmpty();
    }

    /**
     * A pretty-printed event whose Vietnamese is written as backslash-u escapes, signed over those bytes:
     * accepted and answered. A signature over the same event written compactly, with the characters
     * decoded (what a parse and re-serialise would check), is refused.
     */
    @Test
    void theSignatureIsCheckedOnTheExactBytesSent() throws Exception {
        String user = newUserId();
        String id = msgId(user);
        String pretty = """
                {
                  "app_id" : "%s",
                  "event_name" : "user_send_text",
                  "timestamp" : "%d",
                  "sender" : { "id" : "%s" },
                  "recipient" : { "id" : "579745863508352884" },
                  "message" : {
                    "text" : "l\\u1ec7 ph\\u00ed \\u0111\\u0103ng k\\u00fd k\\u1ebft h\\u00f4n",
                    "msg_id" : "%s"
                  }
                }
                """.formatted(APP_ID, System.currentTimeMillis(), user, id);
        String compact = pretty.replaceAll("\\s*\\n\\s*", "").replace(" : ", ":")
                .replace("l\\u1ec7 ph\\u00ed \\u0111\\u0103ng k\\u00fd k\\u1ebft h\\u00f4n", "lệ phí đăng ký kết hôn");

        HttpResponse<String> rewritten = post(pretty, mac(compact), "application/json");
        assertThat(rewritten.statusCode()).isEqualTo(401);
        assertThat(rewritten.body()).contains("webhook_signature_invalid");

        assertThat(post(pretty, mac(pretty), "application/json").statusCode()).isEqualTo(200);
        String answer = openApi.await(SEND, to(user).and(r -> r.body().contains("#dvc:rate:up:")), 1).get(0).body();
        assertThat(answer).containsIgnoringCase("kết hôn");
    }

    private long deliveries() {
        return new TestDatabase(transactions).count("SELECT count(*) FROM channel_delivery WHERE channel = 'zalo'");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return raw.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String body, String signature, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/zalo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (signature != null) {
            request.header("X-ZEvent-Signature", signature);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
