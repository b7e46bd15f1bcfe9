package vn.dvcassistant.app.satisfaction;

import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.channel.Channel;
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
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.ratelimit.RateLimiter;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The printed survey: a one-stop desk prints a poster (staff pages) whose QR code opens
 * {@code /khao-sat/<topic>?t=<signed token>}; the citizen scans it and taps one of three big buttons. The
 * token ({@link SurveyTokens}) names the procedure and agency and expires on a day staff chose, so a survey
 * rating is always traceable to a poster. A plain form post, so it works on any phone without JavaScript.
 */
@Controller("/khao-sat")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class SurveyController {

    private static final int QR_SIZE = 512;

    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final SatisfactionRecorder recorder;
    private final SurveyTokens tokens;
    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;
    private final Messages messages;
    private final SurveyLinks links;

    SurveyController(KnowledgeBase knowledgeBase, AgencyDirectory agencies, SatisfactionRecorder recorder,
                     SurveyTokens tokens, RateLimiter rateLimiter, HttpClientAddressResolver addressResolver,
                     Messages messages, SurveyLinks links) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.recorder = recorder;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
        this.messages = messages;
        this.links = links;
    }

    @Get("/{topicId}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(String topicId, @Nullable @QueryValue("t") String token) {
        Optional<Topic> topic = knowledgeBase.topic(topicId);
        if (topic.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("survey-missing", texts(false)));
        }
        Optional<SurveyTokens.Grant> grant = grant(topic.get(), token);
        if (grant.isEmpty()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("survey-missing", texts(true)));
        }
        return HttpResponse.ok(form(topic.get(), token, agencies.find(grant.get().agency()).orElse(null), null));
    }

    @Post(value = "/{topicId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> submit(HttpRequest<?> request, String topicId, @Nullable String level,
                           @Nullable String agency, @Nullable String comment, @Nullable String t) {
        String address = addressResolver.resolve(request);
        rateLimiter.checkIp(address == null ? "unknown" : address);
        Optional<Topic> topic = knowledgeBase.topic(topicId);
        if (topic.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("survey-missing", texts(false)));
        }
        Optional<SurveyTokens.Grant> grant = grant(topic.get(), t);
        if (grant.isEmpty()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("survey-missing", texts(true)));
        }
        // The poster's agency, when it names one, whatever the form says.
        String rated = grant.get().agency().isEmpty() ? agency : grant.get().agency();
        try {
            RecordedSatisfaction recorded = recorder.record(
                    new SatisfactionSubmission(topicId, level, rated, Channel.SURVEY.code(), comment));
            Map<String, Object> model = texts(false);
            model.put("topic", topic.get().title());
            model.put("topicId", topic.get().id());
            model.put("satisfied", recorded.satisfied());
            return HttpResponse.ok(new ModelAndView<>("survey-thanks", model));
        } catch (Refusal e) {
            if (e.reason() != Refusal.Reason.INVALID) {
                throw e;
            }
            ModelAndView<Map<String, Object>> page = form(topic.get(), t,
                    agencies.find(grant.get().agency()).orElse(null), messages.get("error." + e.code()));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page);
        }
    }

    /** The QR code of a valid survey link; 404 for anything else, so it cannot print an unsigned one. */
    @Get("/{topicId}/qr.png")
    @Produces("image/png")
    HttpResponse<byte[]> qr(String topicId, @Nullable @QueryValue("t") String token) {
        Topic topic = knowledgeBase.topic(topicId).orElseThrow(() -> Refusal.notFound("unknown_topic"));
        grant(topic, token).orElseThrow(() -> Refusal.notFound("invalid_token"));
        return HttpResponse.ok(QrCodePng.of(links.url(topic.id(), token), QR_SIZE))
                .header("Cache-Control", "private, max-age=3600");
    }

    private Optional<SurveyTokens.Grant> grant(Topic topic, @Nullable String token) {
        return tokens.verify(token).filter(g -> g.topicId().equals(topic.id()))
                .filter(g -> g.agency().isEmpty() || agencies.find(g.agency()).map(a -> a.handles(topic.field())).orElse(false));
    }

    private ModelAndView<Map<String, Object>> form(Topic topic, String token, @Nullable Agency agency,
                                                   @Nullable String error) {
        Map<String, Object> model = texts(false);
        model.put("topicId", topic.id());
        model.put("token", token);
        model.put("topic", topic.title());
        model.put("field", topic.field().label());
        // Maps, not records: the template language reads bean getters and map keys only.
        model.put("agency", agency == null ? null : view(agency));
        model.put("agencies", agency == null
                ? agencies.handling(topic.field()).stream().map(SurveyController::view).toList() : List.of());
        model.put("levels", Arrays.stream(SatisfactionLevel.values())
                .map(l -> Map.of("code", l.code(), "label", messages.get("survey.level." + l.code())))
                .toList());
        model.put("error", error);
        return new ModelAndView<>("survey", model);
    }

    private static Map<String, String> view(Agency agency) {
        return Map.of("code", agency.code(), "name", agency.name());
    }

    private Map<String, Object> texts(boolean expired) {
        Map<String, Object> texts = new HashMap<>();
        for (String key : List.of("title", "question", "agency", "agency.choose", "comment", "comment.hint",
                "privacy", "thanks", "thanks.satisfied", "thanks.unsatisfied", "thanks.next", "thanks.chat", "thanks.track",
                "missing", "missing.hint")) {
            texts.put(key.replace('.', '_'), messages.get("survey." + key));
        }
        if (expired) {
            texts.put("missing", messages.get("survey.invalid"));
            texts.put("missing_hint", messages.get("survey.invalid.hint"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("t", texts);
        return model;
    }
}
