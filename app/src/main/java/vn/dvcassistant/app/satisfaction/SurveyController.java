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
import vn.dvcassistant.app.web.PublicAddress;
import vn.dvcassistant.app.ratelimit.RateLimiter;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The printed survey: a one-stop desk or a community team prints the QR code of
 * {@code /khao-sat/<topic>?agency=<code>}; the citizen scans it and taps one of three big buttons.
 * A plain form post, so it works on any phone browser without JavaScript.
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
    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;
    private final Messages messages;
    private final String publicUrl;

    SurveyController(KnowledgeBase knowledgeBase, AgencyDirectory agencies, SatisfactionRecorder recorder,
                     RateLimiter rateLimiter, HttpClientAddressResolver addressResolver, Messages messages,
                     PublicAddress address) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.recorder = recorder;
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
        this.messages = messages;
        this.publicUrl = address.base();
    }

    @Get("/{topicId}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(String topicId, @Nullable @QueryValue String agency) {
        Optional<Topic> topic = knowledgeBase.topic(topicId);
        Optional<Agency> named = agencies.find(agency);
        if (topic.isEmpty() || (agency != null && !agency.isBlank()
                && (named.isEmpty() || !named.get().handles(topic.get().field())))) {
            return HttpResponse.notFound(new ModelAndView<>("survey-missing", texts()));
        }
        return HttpResponse.ok(form(topic.get(), named.orElse(null), null));
    }

    @Post(value = "/{topicId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> submit(HttpRequest<?> request, String topicId, @Nullable String level,
                           @Nullable String agency, @Nullable String comment) {
        String address = addressResolver.resolve(request);
        rateLimiter.checkIp(address == null ? "unknown" : address);
        Optional<Topic> topic = knowledgeBase.topic(topicId);
        if (topic.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("survey-missing", texts()));
        }
        try {
            RecordedSatisfaction recorded = recorder.record(
                    new SatisfactionSubmission(topicId, level, agency, Channel.SURVEY.code(), comment));
            Map<String, Object> model = texts();
            model.put("topic", topic.get().title());
            model.put("satisfied", recorded.satisfied());
            return HttpResponse.ok(new ModelAndView<>("survey-thanks", model));
        } catch (Refusal e) {
            if (e.reason() != Refusal.Reason.INVALID) {
                throw e;
            }
            ModelAndView<Map<String, Object>> page = form(topic.get(), agencies.find(agency).orElse(null),
                    messages.get("error." + e.code()));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page);
        }
    }

    @Get("/{topicId}/qr.png")
    @Produces("image/png")
    HttpResponse<byte[]> qr(String topicId, @Nullable @QueryValue String agency) {
        Topic topic = knowledgeBase.topic(topicId).orElseThrow(() -> Refusal.notFound("unknown_topic"));
        if (agency != null && !agency.isBlank()) {
            Agency named = agencies.find(agency).orElseThrow(() -> Refusal.notFound("unknown_agency"));
            if (!named.handles(topic.field())) {
                throw Refusal.notFound("agency_not_for_field");
            }
        }
        return HttpResponse.ok(QrCodePng.of(surveyUrl(topic.id(), agency), QR_SIZE))
                .header("Cache-Control", "public, max-age=86400");
    }

    /** The absolute address the QR code points to. */
    String surveyUrl(String topicId, @Nullable String agency) {
        String url = publicUrl + "/khao-sat/" + URLEncoder.encode(topicId, StandardCharsets.UTF_8);
        return agency == null || agency.isBlank() ? url : url + "?agency=" + URLEncoder.encode(agency, StandardCharsets.UTF_8);
    }

    private ModelAndView<Map<String, Object>> form(Topic topic, @Nullable Agency agency, @Nullable String error) {
        Map<String, Object> model = texts();
        model.put("topicId", topic.id());
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

    private Map<String, Object> texts() {
        Map<String, Object> texts = new HashMap<>();
        for (String key : List.of("title", "question", "agency", "agency.choose", "comment", "comment.hint",
                "privacy", "thanks", "thanks.satisfied", "thanks.unsatisfied", "missing", "missing.hint")) {
            texts.put(key.replace('.', '_'), messages.get("survey." + key));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("t", texts);
        return model;
    }
}
