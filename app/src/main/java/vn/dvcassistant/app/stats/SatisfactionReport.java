package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/stats/satisfaction}: the headline figure (without volunteer-recorded
 * ratings unless the filter asks for that channel) and its breakdowns. {@code assisted} gives the
 * volunteer-recorded ratings on their own; it is null when the filter names a channel.
 */
@Serdeable
public record SatisfactionReport(
        @Nullable String from,
        @Nullable String to,
        @Nullable String field,
        @Nullable String agency,
        @Nullable String channel,
        long total,
        long satisfied,
        @Nullable Double rate,
        @Nullable List<Double> ci95,
        double target,
        String status,
        List<SatisfactionFigure> byField,
        List<SatisfactionFigure> byAgency,
        List<SatisfactionFigure> byChannel,
        List<SatisfactionFigure> byMonth,
        @Nullable SatisfactionFigure assisted) {
}
