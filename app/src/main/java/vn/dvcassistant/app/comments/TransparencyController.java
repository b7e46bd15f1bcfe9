package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.ratelimit.RateLimiter;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Tiếp thu công khai": the published answers to citizens' comments, readable by anyone, with a
 * useful / not useful button that works without JavaScript.
 */
@Controller("/minh-bach")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class TransparencyController {

    private static final int PAGE_SIZE = 20;

    private final CommentService comments;
    private final CommentReactions reactions;
    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;
    private final Messages messages;
    private final ReaderCookie readers;

    TransparencyController(CommentService comments, CommentReactions reactions, RateLimiter rateLimiter,
                           HttpClientAddressResolver addressResolver, Messages messages, ReaderCookie readers) {
        this.readers = readers;
        this.comments = comments;
        this.reactions = reactions;
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
        this.messages = messages;
    }

    /** Issues the reader cookie with the page, so a reader's first reaction already counts. */
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        return readers.issueIfMissing(request, HttpResponse.ok(new ModelAndView<>("transparency", model(page, null))));
    }

    /**
     * Counts only with the reader cookie the page issued. Without it (cookies off, or a request not from the page)
     * nothing is counted: 403 with the page, a notice, and the cookie, so a reader who allows it can press again.
     */
    @Post(value = "/{code}/reaction", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> react(HttpRequest<?> request, String code, @Nullable String useful) {
        String address = addressResolver.resolve(request);
        rateLimiter.checkIp(address == null ? "unknown" : address);
        Optional<String> reader = readers.reader(request);
        if (reader.isEmpty()) {
            return readers.issueIfMissing(request, HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>(
                    "transparency", model(null, messages.get("error.reader_cookie_required")))));
        }
        reactions.react(code, reader.get(), "true".equals(useful));
        return HttpResponse.seeOther(URI.create("/minh-bach#" + code));
    }

    private Map<String, Object> model(@Nullable Integer page, @Nullable String notice) {
        int current = page == null || page < 1 ? 1 : Math.min(page, 10_000);
        long total = comments.countPublished();
        List<Map<String, Object>> items = comments.published(PAGE_SIZE, (current - 1) * PAGE_SIZE).stream()
                .map(PublicCommentView::item).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("t", PublicCommentView.texts(messages));
        model.put("items", items);
        model.put("total", total);
        model.put("page", current);
        model.put("hasPrevious", current > 1);
        model.put("hasNext", (long) current * PAGE_SIZE < total);
        model.put("notice", notice);
        return model;
    }
}
