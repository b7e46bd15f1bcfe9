package vn.dvcassistant.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.FakeHttpServer;
import vn.dvcassistant.channel.FakeHttpServer.Response;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.Samples;

class TelegramLongPollingTest {

    private static final String TOKEN = "123456789:AAE-test_token";

    @Test
    void polledUpdatesReachTheConsumerAndTheOffsetMovesPastThem() throws Exception {
        String batch = "{\"ok\":true,\"result\":[" + Samples.read("telegram/text.json") + ","
                + Samples.read("telegram/callback_query.json") + "]}";
        try (FakeHttpServer botApi = new FakeHttpServer()) {
            botApi.on("/bot" + TOKEN + "/deleteWebhook", Response.json(200, "{\"ok\":true,\"result\":true}"));
            botApi.on("/bot" + TOKEN + "/getupdates",
                    Response.json(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"),
                    Response.json(200, batch),
                    Response.json(200, "{\"ok\":true,\"result\":[]}").delayed(100));
            TelegramConfig config = TelegramConfig.of(TOKEN, "dvc-secret", "dvc_tro_ly_bot")
                    .withApiBaseUrl(botApi.baseUrl())
                    .withLongPollTimeout(Duration.ofSeconds(1))
                    .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5)));
            BlockingQueue<InboundEvent> received = new LinkedBlockingQueue<>();

            try (TelegramLongPolling polling = new TelegramLongPolling(config)) {
                polling.start(received::add);

                InboundEvent first = received.poll(5, TimeUnit.SECONDS);
                InboundEvent second = received.poll(5, TimeUnit.SECONDS);
                assertThat(first.type()).isEqualTo(InboundType.TEXT);
                assertThat(first.text()).isEqualTo("Làm căn cước cần giấy tờ gì?");
                assertThat(second.type()).isEqualTo(InboundType.BUTTON);
                long deadline = System.currentTimeMillis() + 5_000;
                while (polling.nextOffset() != 905112003L && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(polling.nextOffset()).isEqualTo(905112003L);
                Thread.sleep(150);
            }

            var polls = botApi.requestsTo("/bot" + TOKEN + "/getupdates");
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(polls.get(0).body()).path("timeout").asInt()).isEqualTo(1);
            assertThat(json.readTree(polls.get(polls.size() - 1).body()).path("offset").asLong()).isEqualTo(905112003L);
            assertThat(botApi.requestsTo("/bot" + TOKEN + "/deleteWebhook")).hasSize(1);
        }
    }
}
