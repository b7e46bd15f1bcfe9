package vn.dvcassistant.app.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import vn.dvcassistant.app.channel.FakeApiServer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** A citizen's Telegram chat for tests: updates posted to our webhook, messages read from the fake Bot API. */
final class TelegramChat {

    static final String TOKEN = "123456789:AAE-test_token";
    static final String SECRET = "dvc-secret_42";
    static final String SEND = "/bot" + TOKEN + "/sendmessage";
    static final String CALLBACK = "/bot" + TOKEN + "/answercallbackquery";
    static final String OK = """
            {"ok":true,"result":{"message_id":700,"date":1763800000,"chat":{"id":1,"type":"private"},"text":"x"}}""";

    private static final AtomicLong UPDATE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000));
    private static final ObjectMapper JSON = new ObjectMapper();

    final long id = ThreadLocalRandom.current().nextLong(10_000_000L, 9_000_000_000L);
    private final HttpClient http;
    private final FakeApiServer botApi;

    TelegramChat(HttpClient http, FakeApiServer botApi) {
        this.http = http;
        this.botApi = botApi;
    }

    static java.util.Map<String, String> properties(FakeApiServer botApi) {
        java.util.Map<String, String> properties = new java.util.HashMap<>(FakeApiServer.freePortProperties());
        properties.putAll(java.util.Map.of(
                "channels.telegram.bot-token", TOKEN,
                "channels.telegram.webhook-secret", SECRET,
                "channels.telegram.bot-username", "dvc_tro_ly_bot",
                "channels.telegram.api-url", botApi.baseUrl(),
                "channels.telegram.retry-initial-backoff", "20ms",
                "channels.telegram.retry-max-backoff", "80ms",
                "dvc.outreach.max-per-day", "1000"));
        return properties;
    }

    /** Types a message and waits for the {@code count}-th message this chat has received in all. */
    JsonNode say(String text, int count) {
        post("""
                {"update_id":%d,"message":{"message_id":1,"date":1763800000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                 "chat":{"id":%d,"first_name":"Lan","type":"private"},"text":"%s"}}"""
                .formatted(UPDATE_IDS.incrementAndGet(), id, id, text));
        return received(count).get(count - 1);
    }

    /** Presses a button; the reply (if any) is the {@code count}-th message, 0 = wait for the acknowledgement only. */
    void press(String data, int count) {
        String callbackId = "cb-" + UUID.randomUUID();
        post("""
                {"update_id":%d,"callback_query":{"id":"%s","from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                 "message":{"message_id":413,"date":1763800005,"chat":{"id":%d,"type":"private"},"text":"x"},
                 "chat_instance":"1","data":"%s"}}""".formatted(UPDATE_IDS.incrementAndGet(), callbackId, id, id, data));
        botApi.await(CALLBACK, r -> r.body().contains(callbackId), 1);
        if (count > 0) {
            received(count);
        }
    }

    /** Consents with the button, as a citizen does after the first notice. */
    void consent() {
        press("consent:yes", 1);
    }

    List<JsonNode> received(int atLeast) {
        List<JsonNode> out = new ArrayList<>();
        for (FakeApiServer.Request request : botApi.await(SEND, this::isMine, atLeast)) {
            try {
                out.add(JSON.readTree(request.body()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    /** Waits for a message whose text contains {@code part} (an answer may come after a notice of its own). */
    JsonNode awaitText(String part) {
        FakeApiServer.Request found = botApi.await(SEND, r -> isMine(r) && text(r).contains(part), 1).get(0);
        try {
            return JSON.readTree(found.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(FakeApiServer.Request r) {
        try {
            return JSON.readTree(r.body()).path("text").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    List<String> texts() {
        return botApi.requests(SEND, this::isMine).stream().map(r -> {
            try {
                return JSON.readTree(r.body()).path("text").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static List<String> buttonData(JsonNode message) {
        List<String> data = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> data.add(button.path("callback_data").asText())));
        return data;
    }

    private boolean isMine(FakeApiServer.Request r) {
        return r.body().contains("\"chat_id\":\"" + id + "\"");
    }

    private void post(String update) {
        http.toBlocking().exchange(HttpRequest.POST("/webhooks/telegram", update)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Telegram-Bot-Api-Secret-Token", SECRET));
    }
}
