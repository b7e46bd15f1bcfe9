package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Satisfied out of total, with its 95% Wilson interval and whether the target is reached.
 *
 * @param key   the breakdown value (field code, agency code, channel, yyyy-MM); null for a total
 * @param label its Vietnamese name, when it has one
 * @param rate  null when there is no rating
 * @param ci95  [low, high], null when there is no rating
 */
@Serdeable
public record SatisfactionFigure(
        @Nullable String key,
        @Nullable String label,
        long total,
        long satisfied,
        @Nullable Double rate,
        @Nullable List<Double> ci95,
        double target,
        String status) {

    public static SatisfactionFigure of(String key, String label, long satisfied, long total, double target) {
        return of(key, label, satisfied, total, target, 0);
    }

    /**
     * The figure, undecided whatever its interval says when there are fewer than {@code minRatings}
     * ratings: a gauge is never green or red on two ratings.
     */
    public static SatisfactionFigure of(String key, String label, long satisfied, long total, double target,
                                        int minRatings) {
        WilsonInterval interval = WilsonInterval.of(satisfied, total);
        if (interval == null) {
            return new SatisfactionFigure(key, label, 0, 0, null, null, target, TargetStatus.UNDECIDED.code());
        }
        TargetStatus status = total < minRatings ? TargetStatus.UNDECIDED : interval.against(target);
        return new SatisfactionFigure(key, label, total, satisfied, round((double) satisfied / total),
                List.of(round(interval.low()), round(interval.high())), target, status.code());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
