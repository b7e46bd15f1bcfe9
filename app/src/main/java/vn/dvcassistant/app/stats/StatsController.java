package vn.dvcassistant.app.stats;

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
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.comments.CommentKind;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Public statistics: aggregates only, nothing that identifies a citizen. */
@Controller("/api/v1/stats")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Statistics")
final class StatsController {

    private final SatisfactionStatistics satisfaction;
    private final AnswerStatistics answers;
    private final CommentStatistics comments;
    private final AgencyDirectory agencies;

    StatsController(SatisfactionStatistics satisfaction, AnswerStatistics answers, CommentStatistics comments,
                    AgencyDirectory agencies) {
        this.satisfaction = satisfaction;
        this.answers = answers;
        this.comments = comments;
        this.agencies = agencies;
    }

    @Get("/satisfaction")
    @Operation(summary = "Satisfaction rate against the province's target in force, with breakdowns",
            description = "from/to: ISO dates (inclusive). rate = satisfied / total; ci95 = Wilson interval; target = "
                    + "the target in force (dvc.satisfaction-targets; shipped: Decision 1588, 0.90 overall and 0.85 "
                    + "for the fields it names); status = met, not_met, or undecided when ci95 "
                    + "straddles the target. Volunteer-recorded ratings (channel assisted) are left out of the "
                    + "headline and the field/agency/month breakdowns unless channel=assisted; they appear in "
                    + "byChannel and in assisted.")
    SatisfactionReport satisfaction(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String field, @Nullable @QueryValue String agency,
                                    @Nullable @QueryValue String channel) {
        Period period = period(from, to);
        Field f = field == null || field.isBlank() ? null
                : Field.fromCode(field).orElseThrow(() -> badRequest("unknown_field"));
        String a = agency == null || agency.isBlank() ? null
                : agencies.find(agency).map(x -> x.code()).orElseThrow(() -> badRequest("unknown_agency"));
        Channel c = channel == null || channel.isBlank() ? null
                : Channel.fromCode(channel).filter(Channel::carriesRatings).orElseThrow(() -> badRequest("unknown_rating_channel"));
        return satisfaction.compute(new SatisfactionFilter(period.from(), period.to(), f, a, c));
    }

    @Get("/answers")
    @Operation(summary = "Helpful rate of the assistant's answers and share of questions it could not answer")
    AnswerSummary answers(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return answers.summary(period(from, to));
    }

    @Get("/comments")
    @Operation(summary = "Comment handling per agency: acknowledged, answered on time, median days, overdue",
            description = "kind: comment (default) or question (questions the assistant could not answer, handed "
                    + "over to staff); the two are counted apart.")
    CommentReport comments(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                           @Nullable @QueryValue String agency, @Nullable @QueryValue String kind) {
        String a = agency == null || agency.isBlank() ? null
                : agencies.find(agency).map(x -> x.code()).orElseThrow(() -> badRequest("unknown_agency"));
        CommentKind k;
        try {
            k = kind == null || kind.isBlank() ? CommentKind.COMMENT : CommentKind.fromCode(kind.strip());
        } catch (IllegalArgumentException e) {
            throw badRequest("unknown_comment_kind");
        }
        return comments.compute(period(from, to), a, k);
    }

    private static Period period(String from, String to) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start != null && end != null && start.isAfter(end)) {
            throw badRequest("invalid_period");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                throw badRequest("invalid_date");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw badRequest("invalid_date");
        }
    }

    private static Refusal badRequest(String code) {
        return Refusal.invalid(code);
    }
}
