package vn.dvcassistant.app.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends chat messages as a client would, and reads the reply as plain JSON. */
public final class ChatClient {

    private final HttpClient client;

    public ChatClient(HttpClient client) {
        this.client = client;
    }

    public Map<String, Object> say(String sessionId, String text) {
        return send(Map.of("sessionId", sessionId, "text", text));
    }

    Map<String, Object> pick(String sessionId, String text, String topicId) {
        return send(Map.of("sessionId", sessionId, "text", text, "topicId", topicId));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(Map<String, ?> body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat", new LinkedHashMap<>(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> reply, String key) {
        return (List<Map<String, Object>>) reply.get(key);
    }
}
