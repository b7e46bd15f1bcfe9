package vn.dvcassistant.app.guide;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.satisfaction.QrCodePng;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.app.web.PublicAddress;
import vn.dvcassistant.app.web.ScriptlessPageHeaders;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Printable one-page guides for community digital technology teams and one-stop desks: per topic, the short
 * answer, steps, documents, fee and time as the entry states them, its update date, and a QR code that opens
 * the chat on that topic. Public, like the content they print; script-free pages.
 */
@Controller("/huong-dan")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class GuideController {

    /** Pixels of the QR image; printed at about 4 cm it stays readable by cheap phone cameras. */
    private static final int QR_SIZE = 360;
    /** Printed pages: inline styles, the QR image from this service, nothing else. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final KnowledgeBase knowledgeBase;
    private final PageText text;
    private final PublicAddress address;

    GuideController(KnowledgeBase knowledgeBase, PageText text, PublicAddress address) {
        this.knowledgeBase = knowledgeBase;
        this.text = text;
        this.address = address;
    }

    /** All guides, per field, each field with "In tất cả". */
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> index() {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field field : Field.values()) {
            List<Map<String, Object>> topics = topicsOf(field).stream()
                    .map(t -> Map.<String, Object>of("id", t.id(), "title", t.title())).toList();
            if (!topics.isEmpty()) {
                fields.add(Map.of("code", field.code(), "label", field.label(), "topics", topics));
            }
        }
        Map<String, Object> model = model();
        model.put("fields", fields);
        return page(new ModelAndView<>("guide-index", model));
    }

    @Get("/{topicId}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> guide(String topicId) {
        Topic topic = knowledgeBase.topic(topicId).orElseThrow(() -> Refusal.notFound("unknown_topic"));
        Map<String, Object> model = model();
        model.put("title", topic.title());
        model.put("guides", List.of(view(topic)));
        return page(new ModelAndView<>("guide", model));
    }

    /** Every guide of a field, one per printed page. */
    @Get("/linh-vuc/{fieldCode}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> field(String fieldCode) {
        Field field = Arrays.stream(Field.values()).filter(f -> f.code().equals(fieldCode)).findFirst()
                .orElseThrow(() -> Refusal.notFound("unknown_field"));
        Map<String, Object> model = model();
        model.put("title", field.label());
        model.put("guides", topicsOf(field).stream().map(this::view).toList());
        return page(new ModelAndView<>("guide", model));
    }

    @Get("/{topicId}/qr.png")
    @Produces("image/png")
    HttpResponse<byte[]> qr(String topicId) {
        Topic topic = knowledgeBase.topic(topicId).orElseThrow(() -> Refusal.notFound("unknown_topic"));
        return HttpResponse.ok(QrCodePng.of(chatUrl(topic), QR_SIZE)).header("Cache-Control", "public, max-age=86400");
    }

    /** The absolute address the QR code opens: the chat, starting with this topic's answer. */
    String chatUrl(Topic topic) {
        return address.base() + "/?chu-de=" + URLEncoder.encode(topic.id(), StandardCharsets.UTF_8);
    }

    private List<Topic> topicsOf(Field field) {
        return knowledgeBase.topics().stream().filter(t -> t.field() == field)
                .sorted(Comparator.comparing(Topic::title, java.text.Collator.getInstance(Locale.forLanguageTag("vi"))))
                .toList();
    }

    private Map<String, Object> view(Topic topic) {
        Map<String, Object> guide = new HashMap<>();
        guide.put("id", topic.id());
        guide.put("title", topic.title());
        guide.put("field", topic.field().label());
        guide.put("short", topic.firstReply());
        guide.put("steps", topic.steps());
        guide.put("documents", topic.documents());
        guide.put("fee", topic.fee());
        guide.put("time", topic.processingTime());
        guide.put("authority", topic.authority());
        guide.put("online", topic.online() == null ? null
                : text.get("channel.online." + topic.online().name().toLowerCase(Locale.ROOT)));
        guide.put("updated", topic.reviewed() == null ? null : DAY.format(topic.reviewed()));
        guide.put("chatUrl", chatUrl(topic));
        return guide;
    }

    private Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("t", text);
        return model;
    }

    private static MutableHttpResponse<?> page(ModelAndView<Map<String, Object>> view) {
        MutableHttpResponse<?> response = HttpResponse.ok(view);
        ScriptlessPageHeaders.apply(response, POLICY);
        return response;
    }
}
