package vn.dvcassistant.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.conversation.ChatClient;
import vn.dvcassistant.app.llm.FakeModelServer;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

/** The content page tells editors, per entry, how often the model or the template answered and why, in words. */
class ContentPageComposerTest {

    @Test
    void editorsSeeWhoComposedEachEntrysAnswersAndTheGuardsReasonsInWords() throws Exception {
        try (FakeModelServer fake = new FakeModelServer().answers("Lệ phí là 350.000 đồng.");
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "dvc.llm.provider", "openai",
                     "dvc.llm.base-url", "http://127.0.0.1:" + fake.port() + "/v1",
                     "dvc.llm.model", "fake-model",
                     "dvc.llm.timeout", "30s"), "test");
             HttpClient client = StaffSession.client(server)) {
            new ChatClient(client).say(UUID.randomUUID().toString(), "Thủ tục đăng ký kết hôn cần giấy tờ gì?");

            var editor = StaffSession.loginAs(client, server.getApplicationContext().getBean(StaffAccounts.class),
                    Roles.EDITOR, null);
            String page = StaffSession.send(client, HttpRequest.GET("/quan-tri/noi-dung").cookie(editor)).body();

            assertThat(page).contains("Trả lời bằng mô hình AI", "Đăng ký kết hôn", "số liệu không có trong nội dung")
                    .doesNotContain("number_not_in_entry");
        }
    }
}
