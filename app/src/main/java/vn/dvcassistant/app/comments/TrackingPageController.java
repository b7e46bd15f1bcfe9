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
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.api.RefusalHandler;
import vn.dvcassistant.app.api.RateLimitedException;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.ratelimit.RateLimiter;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen's tracking page: type the code, see where the comment stands in plain words, and answer
 * the agency's question with a plain form post (no JavaScript). Shows only what {@link CommentTracking}
 * makes public. Every request counts against the caller's address, so codes cannot be tried in bulk.
 */
@Controller(TrackingPageLinks.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class TrackingPageController {

    private static final String VIEW = "comment-tracking";
    private static final int MAX_TYPED_CODE = 40;
    private static final List<String> TEXTS = List.of("title", "intro", "code", "lookup", "status", "field",
            "agency", "received", "due", "answered", "published", "question", "answer", "answerPending",
            "supplyLabel", "supplyHint", "supplySubmit", "supplied", "notFound", "notFoundHint", "transparency",
            "eraseTitle", "eraseHint", "eraseLabel", "eraseSubmit", "contactErased");

    private final CommentService comments;
    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;
    private final Messages messages;
    private final ContactErasure contactErasure;

    TrackingPageController(CommentService comments, RateLimiter rateLimiter, HttpClientAddressResolver addressResolver,
                           Messages messages, ContactErasure contactErasure) {
        this.contactErasure = contactErasure;
        this.comments = comments;
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue("ma") String code,
                         @Nullable @QueryValue("da-gui") String sent) {
        Optional<HttpResponse<?>> limited = limited(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        if (code == null || code.isBlank()) {
            return HttpResponse.ok(new ModelAndView<>(VIEW, model(null)));
        }
        return result(code, sent != null, null, null, HttpStatus.OK);
    }

    @Post(value = "/{code}/bo-sung", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> supply(HttpRequest<?> request, String code, @Nullable String text) {
        Optional<HttpResponse<?>> limited = limited(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            CitizenComment supplied = comments.supplyInformation(code, text);
            return HttpResponse.seeOther(URI.create(TrackingPageLinks.PATH + "?ma=" + supplied.code() + "&da-gui=1"));
        } catch (Refusal refused) {
            return result(code, false, messages.get("error." + refused.code()), text, RefusalHandler.status(refused));
        }
    }

    /** The citizen's own contact details off a comment sent from the web form ({@link ContactErasure}). */
    @Post(value = "/{code}/xoa-lien-he", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> eraseContact(HttpRequest<?> request, String code, @Nullable String contact) {
        Optional<HttpResponse<?>> limited = limited(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            contactErasure.erase(code, contact);
        } catch (Refusal refused) {
            return result(code, false, messages.get("error." + refused.code()), null, RefusalHandler.status(refused));
        }
        return result(code, false, true, null, null, HttpStatus.OK);
    }

    private HttpResponse<?> result(String code, boolean sent, @Nullable String error, @Nullable String typed,
                                   HttpStatus status) {
        return result(code, sent, false, error, typed, status);
    }

    private HttpResponse<?> result(String code, boolean sent, boolean erased, @Nullable String error,
                                   @Nullable String typed, HttpStatus status) {
        Optional<CitizenComment> comment = comments.find(code);
        Optional<CommentTracking> tracking = comments.track(code);
        if (comment.isEmpty() || tracking.isEmpty()) {
            Map<String, Object> model = model(shortened(code));
            model.put("missing", messages.get("tracking.notFound", shortened(code)));
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>(VIEW, model));
        }
        Map<String, Object> model = model(tracking.get().code());
        model.put("c", view(tracking.get(), comment.get()));
        model.put("sent", sent && !CommentStatus.NEEDS_INFO.code().equals(tracking.get().status()));
        model.put("error", error);
        model.put("typed", typed);
        model.put("erased", erased);
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model));
    }

    /** Maps, not records: the template language reads bean getters and map keys only. */
    private Map<String, Object> view(CommentTracking t, CitizenComment comment) {
        Map<String, Object> c = new HashMap<>();
        c.put("code", t.code());
        c.put("status", t.status());
        c.put("statusLabel", t.statusLabel());
        boolean question = CommentKind.QUESTION.code().equals(t.kind());
        c.put("explanation", messages.get((question ? "handoff.explain." : "tracking.explain.") + t.status()));
        c.put("field", t.fieldLabel());
        c.put("agency", t.agencyName());
        c.put("receivedOn", day(t.receivedOn()));
        boolean waiting = CommentStatus.NEEDS_INFO.code().equals(t.status());
        boolean open = !CommentStatus.fromCode(t.status()).map(CommentStatus::isFinal).orElse(true);
        // While the agency waits for information the deadline is not running: it restarts when it arrives.
        c.put("answerDue", open && !waiting && t.answeredOn() == null ? day(t.answerDue()) : null);
        c.put("answeredOn", day(t.answeredOn()));
        c.put("publishedOn", day(t.publishedOn()));
        c.put("note", t.statusNote());
        c.put("noteTitle", t.statusNote() == null ? null : messages.get(noteTitleKey(t.status())));
        c.put("text", t.text());
        c.put("answer", t.answer());
        // A handed-over question's answer is for its asker: shown at once, never waiting to be published.
        c.put("answerPending", CommentStatus.ANSWERED.code().equals(t.status()) && !question);
        // A comment sent from a chat takes information only from that chat (InformationCheck).
        boolean inChat = comment.replyTo() != null;
        c.put("canSupply", waiting && !inChat);
        c.put("canEraseContact", !inChat && "web".equals(comment.channel()));
        c.put("supplyInChat", waiting && inChat
                ? messages.get("tracking.supplyInChat", channelName(comment.channel()), t.code()) : null);
        return c;
    }

    private static String noteTitleKey(String status) {
        return switch (status) {
            case "needs_info", "rejected", "transferred" -> "tracking.note." + status;
            default -> "tracking.note.other";
        };
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "telegram" -> "Telegram";
            case "zalo" -> "Zalo";
            default -> channel;
        };
    }

    private Map<String, Object> model(@Nullable String code) {
        Map<String, String> t = new HashMap<>();
        for (String key : TEXTS) {
            t.put(key, messages.get("tracking." + key));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("code", code);
        model.put("c", null);
        model.put("missing", null);
        model.put("error", null);
        model.put("sent", false);
        model.put("typed", null);
        model.put("erased", false);
        return model;
    }

    /** The page answers in HTML here too; the API's JSON 429 would mean nothing to a citizen on a phone. */
    private Optional<HttpResponse<?>> limited(HttpRequest<?> request) {
        String address = addressResolver.resolve(request);
        try {
            rateLimiter.checkIp(address == null ? "unknown" : address);
            return Optional.empty();
        } catch (RateLimitedException e) {
            Map<String, Object> model = model(null);
            model.put("error", messages.get("error.rate_limited"));
            return Optional.of(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .body(new ModelAndView<>(VIEW, model)));
        }
    }

    /** What the citizen typed, echoed back (escaped by the template) but never at any length. */
    private static String shortened(String code) {
        String stripped = code.strip();
        return stripped.length() <= MAX_TYPED_CODE ? stripped : stripped.substring(0, MAX_TYPED_CODE) + "…";
    }

    private static String day(@Nullable String isoDate) {
        if (isoDate == null) {
            return null;
        }
        LocalDate day = LocalDate.parse(isoDate);
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }
}
