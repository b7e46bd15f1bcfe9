package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.satisfaction.QrCodePng;
import vn.dvcassistant.app.satisfaction.SurveyLinks;
import vn.dvcassistant.app.satisfaction.SurveyTokens;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Printable survey posters (A4 for a wall, A6 for a desk card) per procedure and agency: the QR code and
 * link carry a signed token ({@link SurveyTokens}) valid until a day staff choose, so every survey rating
 * can be traced to a poster. Agency staff print posters of their own agency only.
 */
@Controller("/quan-tri/phieu-khao-sat")
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class SurveyPosterController {

    /** A poster longer-lived than this would outlive the procedure's content and the agency's name. */
    static final int MAX_DAYS = 3 * 366;
    private static final int DEFAULT_DAYS = 365;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final KnowledgeBase knowledgeBase;
    private final AgencyDirectory agencies;
    private final SurveyTokens tokens;
    private final SurveyLinks links;
    private final ProvinceClock clock;
    private final PageText text;

    SurveyPosterController(KnowledgeBase knowledgeBase, AgencyDirectory agencies, SurveyTokens tokens,
                           SurveyLinks links, ProvinceClock clock, PageText text) {
        this.knowledgeBase = knowledgeBase;
        this.agencies = agencies;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
        this.text = text;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(Authentication authentication) {
        return formPage(StaffMember.of(authentication), null);
    }

    @Get("/in")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> poster(Authentication authentication, @Nullable @QueryValue String topicId,
                           @Nullable @QueryValue String agency, @Nullable @QueryValue String until,
                           @Nullable @QueryValue String size) {
        StaffMember me = StaffMember.of(authentication);
        Optional<Topic> topic = knowledgeBase.topic(topicId == null ? "" : topicId);
        if (topic.isEmpty()) {
            return refused(me, "unknown_topic");
        }
        // Only a procedure is rated: a poster for an information topic would ask people to rate nothing.
        if (!topic.get().isProcedure()) {
            return refused(me, "not_a_procedure");
        }
        String agencyCode = agency == null || agency.isBlank() ? null : agency.strip();
        if (me.forcedAgency() != null && !me.forcedAgency().equals(agencyCode)) {
            return refused(me, "poster_own_agency_only");
        }
        Agency named = null;
        if (agencyCode != null) {
            named = agencies.findActive(agencyCode).orElse(null);
            if (named == null) {
                return refused(me, "unknown_agency");
            }
            if (!named.handles(topic.get().field())) {
                return refused(me, "agency_not_for_field");
            }
        }
        LocalDate today = clock.today();
        LocalDate expires;
        try {
            expires = until == null || until.isBlank() ? today.plusDays(DEFAULT_DAYS) : LocalDate.parse(until.strip());
        } catch (DateTimeParseException e) {
            return refused(me, "invalid_date");
        }
        if (expires.isBefore(today) || expires.isAfter(today.plusDays(MAX_DAYS))) {
            return refused(me, "poster_expiry_out_of_range");
        }
        String paper = "A6".equalsIgnoreCase(size) ? "A6" : "A4";
        String url = links.url(topic.get().id(), tokens.issue(topic.get().id(), agencyCode, expires));
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("paper", paper);
        model.put("topic", topic.get().title());
        model.put("agency", named == null ? null : named.name());
        model.put("url", url);
        model.put("expires", DAY.format(expires));
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrCodePng.of(url, "A6".equals(paper) ? 360 : 720)));
        return HttpResponse.ok(new ModelAndView<>("admin/poster", model));
    }

    private HttpResponse<?> refused(StaffMember me, String code) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(formPage(me, text.get("error." + code)));
    }

    private ModelAndView<Map<String, Object>> formPage(StaffMember me, @Nullable String error) {
        Map<String, Object> model = StaffPages.model(me, text);
        // Procedures only (a survey rates one), by title as Vietnamese readers sort them.
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        model.put("topics", knowledgeBase.topics().stream()
                .filter(t -> t.isProcedure() && t.field() != vn.dvcassistant.kb.Field.DVC_CHUNG)
                .sorted(java.util.Comparator.comparing(Topic::title, vietnamese)).toList());
        model.put("agencies", me.forcedAgency() == null ? agencies.all()
                : agencies.find(me.forcedAgency()).stream().toList());
        model.put("until", clock.today().plusDays(DEFAULT_DAYS).toString());
        model.put("error", error);
        return new ModelAndView<>("admin/posters", model);
    }
}
