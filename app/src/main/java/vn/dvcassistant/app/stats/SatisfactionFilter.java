package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;

/**
 * Which ratings a satisfaction figure counts; every part is optional.
 *
 * @param from first local day included
 * @param to   last local day included
 */
public record SatisfactionFilter(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Field field,
        @Nullable String agency,
        @Nullable Channel channel) {

    public static SatisfactionFilter year(int year) {
        return new SatisfactionFilter(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null);
    }
}
