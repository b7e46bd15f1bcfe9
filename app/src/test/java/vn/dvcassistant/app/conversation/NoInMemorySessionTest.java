package vn.dvcassistant.app.conversation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances behind a load balancer: the follow-up lands on the instance that did not see the first question. */
class NoInMemorySessionTest {

    @Test
    void followUpIsAnsweredByAnotherInstanceSharingTheDatabase() {
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
             HttpClient toFirst = HttpClient.create(first.getURL());
             HttpClient toSecond = HttpClient.create(second.getURL())) {
            String session = UUID.randomUUID().toString();

            Map<String, Object> question = new ChatClient(toFirst).say(session, "đăng ký kết hôn");
            assertThat(ChatClient.list(question, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");

            Map<String, Object> followUp = new ChatClient(toSecond).say(session, "lệ phí bao nhiêu?");
            List<Map<String, Object>> sources = ChatClient.list(followUp, "sources");
            assertThat(followUp.get("kind")).isEqualTo("answer");
            assertThat(sources.get(0)).containsEntry("id", "dang-ky-ket-hon");
            assertThat(followUp.get("notice")).as("the second instance knows the notice was shown").isNull();
        }
    }
}
