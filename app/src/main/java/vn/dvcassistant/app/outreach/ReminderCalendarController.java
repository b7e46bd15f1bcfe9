package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** "Nhắc tôi" on the web chat: the reminder as a calendar file for the citizen's phone (nothing stored). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
final class ReminderCalendarController {

    private final KnowledgeBase knowledgeBase;
    private final ProvinceClock clock;
    private final OutreachSettings settings;

    ReminderCalendarController(KnowledgeBase knowledgeBase, ProvinceClock clock, OutreachSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
        this.settings = settings;
    }

    @Get("/topics/{id}/nhac-han.ics")
    @Operation(summary = "A calendar file reminding of the deadline the entry states, counted from ?tu=yyyy-mm-dd; "
            + "404 when the entry states none, 400 for a wrong or passed date")
    HttpResponse<String> calendar(@PathVariable String id, @Nullable @QueryValue("tu") String from) {
        Topic topic = knowledgeBase.topic(id).filter(t -> t.deadline() != null)
                .orElseThrow(() -> Refusal.notFound("unknown_topic"));
        LocalDate start;
        try {
            start = LocalDate.parse(from == null ? "" : from.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date");
        }
        LocalDate today = clock.today();
        LocalDate due = topic.deadline().due(start);
        if (start.isAfter(today.plusYears(1)) || !due.isAfter(today)) {
            throw Refusal.invalid("reminder_passed");
        }
        String body = ReminderCalendar.of(topic, start, due, settings.reminderLeadDays(), Instant.now());
        return HttpResponse.ok(body).contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"nhac-han-" + topic.id() + ".ics\"");
    }
}
