package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A period's headline figure next to the same length of time just before it, and next to the same
 * days a year earlier when there were ratings then (a province's first year has nothing to compare).
 */
@Singleton
public final class PeriodComparison {

    /** Which period a row is: the chosen one, the one before it, the same one last year. */
    public enum Kind { CURRENT, PREVIOUS, LAST_YEAR }

    @Serdeable
    public record Row(Kind kind, @Nullable LocalDate from, @Nullable LocalDate to, SatisfactionFigure figure) {
    }

    private final SatisfactionStatistics satisfaction;

    PeriodComparison(SatisfactionStatistics satisfaction) {
        this.satisfaction = satisfaction;
    }

    /** {@code current} is the report already computed for {@code filter}. */
    public List<Row> rows(SatisfactionFilter filter, SatisfactionReport current) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.CURRENT, filter.from(), filter.to(), headline(current)));
        if (filter.from() == null || filter.to() == null) {
            return rows;
        }
        long days = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
        LocalDate previousTo = filter.from().minusDays(1);
        rows.add(row(Kind.PREVIOUS, filter, previousTo.minusDays(days - 1), previousTo));
        Row lastYear = row(Kind.LAST_YEAR, filter, filter.from().minusYears(1), filter.to().minusYears(1));
        if (lastYear.figure().total() > 0) {
            rows.add(lastYear);
        }
        return rows;
    }

    private Row row(Kind kind, SatisfactionFilter filter, LocalDate from, LocalDate to) {
        SatisfactionReport report = satisfaction.compute(
                new SatisfactionFilter(from, to, filter.field(), filter.agency(), filter.channel()));
        return new Row(kind, from, to, headline(report));
    }

    /** The headline of a report as a figure of its own. */
    public static SatisfactionFigure headline(SatisfactionReport report) {
        return new SatisfactionFigure(null, null, report.total(), report.satisfied(), report.rate(), report.ci95(),
                report.target(), report.status());
    }
}
