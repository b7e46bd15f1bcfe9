package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.KnowledgeBase;

/** The chat page's opening: read-only, so opening the page stores nothing and sends nothing as the citizen. */
@Controller("/api/v1/chat")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Chat")
final class ChatWelcomeController {

    private final Messages messages;
    private final PopularTopics popular;
    private final KnowledgeBase knowledgeBase;

    ChatWelcomeController(Messages messages, PopularTopics popular, KnowledgeBase knowledgeBase) {
        this.messages = messages;
        this.popular = popular;
        this.knowledgeBase = knowledgeBase;
    }

    @Get("/welcome")
    @Operation(summary = "The notice, consent question, greeting and most asked topics the chat page opens with",
            description = "With topic (a printed guide's QR code: /?chu-de=ID) the known topic is returned so the "
                    + "page can ask about it; an unknown id is ignored.")
    ChatWelcome welcome(@Nullable @QueryValue String topic) {
        ChatReply.Suggestion picked = topic == null ? null : knowledgeBase.topic(topic)
                .map(t -> new ChatReply.Suggestion(t.id(), t.title())).orElse(null);
        return new ChatWelcome(messages.get("chat.notice"), messages.get("chat.consent.question"),
                messages.get("chat.consent.given"), messages.get("chat.consent.refused"),
                messages.get("chat.greeting"), popular.suggestions(), picked);
    }
}
