package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.ratelimit.RateLimiter;

@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Chat")
final class ChatController {

    private final ConversationEngine engine;
    private final RateLimiter rateLimiter;

    ChatController(ConversationEngine engine, RateLimiter rateLimiter) {
        this.engine = engine;
        this.rateLimiter = rateLimiter;
    }

    @Post("/chat")
    @Operation(summary = "Ask the assistant",
            description = "kind answer: sources[0] is the topic, parts holds its structure; clarify: pick one of "
                    + "the suggestions (send its id as topicId); fallback: the assistant does not know; smalltalk: "
                    + "greetings, help, consent. The first reply of a session carries the automated-assistant "
                    + "notice and, with askConsent, the consent question.")
    ChatReply chat(@Body ChatRequest request) {
        Channel channel = ChatRequestValidator.validate(request);
        rateLimiter.checkSession(channel.code() + ":" + request.sessionId());
        return engine.handle(new IncomingMessage(channel, request.sessionId(), request.text(), request.topicId()));
    }

    @Post("/consent")
    @Operation(summary = "Record the citizen's consent to store personal data (Law 91/2025/QH15)",
            description = "For consent buttons; typing \"đồng ý\" or \"không đồng ý\" in the chat does the same.")
    ConsentReply consent(@Body ConsentRequest request) {
        ChatRequestValidator.validateSessionId(request.sessionId());
        Channel channel = ChatRequestValidator.channel(request.channel());
        if (request.consent() == null) {
            throw Refusal.invalid("invalid_field");
        }
        return new ConsentReply(engine.recordConsent(channel, request.sessionId(), request.consent()));
    }
}
