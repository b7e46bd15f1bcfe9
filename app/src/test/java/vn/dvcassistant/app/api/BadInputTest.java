package vn.dvcassistant.app.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class BadInputTest {

    @Inject
    @Client("/")
    HttpClient client;

    static Stream<Arguments> badChatBodies() {
        String longText = "a".repeat(2001);
        return Stream.of(
                Arguments.of("{\"sessionId\": \"s1\", \"text\": ", "malformed_json"),
                Arguments.of("[1, 2, 3]", "invalid_field"),
                Arguments.of("{\"text\": \"xin chào\"}", "missing_session"),
                Arguments.of("{\"sessionId\": \"\", \"text\": \"xin chào\"}", "missing_session"),
                Arguments.of("{\"sessionId\": \"" + "s".repeat(65) + "\", \"text\": \"xin chào\"}", "invalid_session"),
                Arguments.of("{\"sessionId\": \"s1\"}", "missing_text"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": \"   \"}", "missing_text"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": \"" + longText + "\"}", "text_too_long"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": \"xin\\u0000chào\"}", "control_characters"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": \"xin\\u001bchào\"}", "control_characters"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": \"xin chào\", \"channel\": \"facebook\"}",
                        "unknown_channel"),
                Arguments.of("{\"sessionId\": \"s1\", \"text\": {\"nested\": true}}", "invalid_field"));
    }

    @ParameterizedTest
    @MethodSource("badChatBodies")
    void badChatRequestsGet400WithCodeAndVietnameseMessage(String body, String code) {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/chat", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertError(e, HttpStatus.BAD_REQUEST, code);
    }

    @Test
    void emptyBodyIs400() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/chat", "")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(body(e)).containsKeys("error", "message");
    }

    @Test
    void tabsAndNewlinesAreAccepted() {
        HttpResponse<Map> ok = client.toBlocking().exchange(HttpRequest.POST("/api/v1/chat",
                "{\"sessionId\": \"tabs\", \"text\": \"xin\\tchào\\nbạn\"}").contentType(MediaType.APPLICATION_JSON_TYPE),
                Map.class);
        assertThat(ok.getStatus().getCode()).isEqualTo(200);
    }

    @Test
    void wrongContentTypeIs400WithItsOwnCode() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/chat", "sessionId=s1&text=hi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertError(e, HttpStatus.BAD_REQUEST, "unsupported_media_type");
    }

    @Test
    void unknownPathIs404Json() {
        assertError(refused(HttpRequest.GET("/api/v1/nothing-here")), HttpStatus.NOT_FOUND, "not_found");
    }

    @Test
    void wrongMethodIs405Json() {
        assertError(refused(HttpRequest.GET("/api/v1/chat")), HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed");
    }

    @Test
    void oversizedBodyIsRefusedWithErrorJson() {
        String huge = "{\"sessionId\": \"s1\", \"text\": \"" + "a".repeat(100_000) + "\"}";
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/chat", huge)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(e.getStatus().getCode()).isIn(400, 413);
        assertThat(body(e)).containsKeys("error", "message");
    }

    @Test
    void searchWithoutQueryIs400() {
        assertError(refused(HttpRequest.GET("/api/v1/search")), HttpStatus.BAD_REQUEST, "missing_query");
    }

    @Test
    void consentWithoutAnswerIs400() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/consent", "{\"sessionId\": \"c1\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertError(e, HttpStatus.BAD_REQUEST, "invalid_field");
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return (HttpClientResponseException) org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow(() -> new AssertionError("no JSON body"));
    }

    private static void assertError(HttpClientResponseException e, HttpStatus status, String code) {
        assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
        Map<String, Object> body = body(e);
        assertThat(body.get("error")).isEqualTo(code);
        assertThat((String) body.get("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }
}
