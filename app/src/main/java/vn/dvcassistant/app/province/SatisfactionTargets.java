package vn.dvcassistant.app.province;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The share of satisfied citizens the province must reach, per period ({@code dvc.satisfaction-targets}):
 * targets change by year (Decision 1588/QĐ-TTg for 2025, Decision 1565/QĐ-TTg for 2026), so they are
 * configuration, not code. Without any configured entry the 2025 targets of Decision 1588 apply:
 * 90% overall, 85% for land, construction and investment procedures.
 */
@Singleton
public final class SatisfactionTargets {

    /** Decision 1588/QĐ-TTg, 2025. */
    static final Targets DECISION_1588 = new Targets(0.90, Set.of(Field.DAT_DAI, Field.XAY_DUNG, Field.DAU_TU), 0.85,
            "Quyết định 1588/QĐ-TTg ngày 17/12/2024");

    /**
     * One configured period as reports print it: from when, the overall target, the fields with a target
     * of their own and that target, and the decision it comes from (null when not configured).
     */
    public record Period(LocalDate from, double overall, List<Field> fields, double fieldTarget,
                         @Nullable String source) {
    }

    private final NavigableMap<LocalDate, Targets> byStart = new TreeMap<>();

    public SatisfactionTargets(List<SatisfactionTargetPeriod> periods) {
        for (SatisfactionTargetPeriod p : periods.stream()
                .sorted(Comparator.comparingInt(SatisfactionTargetPeriod::getIndex)).toList()) {
            String where = "dvc.satisfaction-targets[" + p.getIndex() + "]";
            if (p.getFrom() == null) {
                throw new ConfigurationException(where + ".from is missing");
            }
            Set<Field> fields = p.getFields().stream().map(code -> Field.fromCode(code).orElseThrow(
                    () -> new ConfigurationException(where + ".fields: unknown field " + code)))
                    .collect(Collectors.toUnmodifiableSet());
            if (!fields.isEmpty() && p.getFieldTarget() == null) {
                throw new ConfigurationException(where + ".field-target is missing");
            }
            Targets targets = new Targets(share(where + ".overall", p.getOverall()), fields,
                    p.getFieldTarget() == null ? p.getOverall() : share(where + ".field-target", p.getFieldTarget()),
                    p.getSource() == null || p.getSource().isBlank() ? null : p.getSource().strip());
            if (byStart.put(p.getFrom(), targets) != null) {
                throw new ConfigurationException("dvc.satisfaction-targets: two entries start on " + p.getFrom());
            }
        }
    }

    /**
     * The target in force on {@code day} for figures restricted to {@code field}, or the overall one when
     * {@code field} is null. Before the first configured period, the first period's targets apply.
     */
    public double target(@Nullable Field field, LocalDate day) {
        return inForce(day).forField(field);
    }

    /** The fields with a target of their own on {@code day}, in the fields' order. */
    public List<Field> fieldsWithOwnTarget(LocalDate day) {
        return inForce(day).fields().stream().sorted().toList();
    }

    /** The periods whose targets apply to days {@code from}..{@code to}, oldest first. */
    public List<Period> periods(LocalDate from, LocalDate to) {
        if (byStart.isEmpty()) {
            return List.of(period(LocalDate.of(2025, 1, 1), DECISION_1588));
        }
        LocalDate first = byStart.floorKey(from) != null ? byStart.floorKey(from) : byStart.firstKey();
        return byStart.subMap(first, true, to, true).entrySet().stream()
                .map(e -> period(e.getKey(), e.getValue())).toList();
    }

    private static Period period(LocalDate from, Targets t) {
        return new Period(from, t.overall(), t.fields().stream().sorted().toList(), t.fieldTarget(), t.source());
    }

    private Targets inForce(LocalDate day) {
        if (byStart.isEmpty()) {
            return DECISION_1588;
        }
        Map.Entry<LocalDate, Targets> entry = byStart.floorEntry(day);
        return entry != null ? entry.getValue() : byStart.firstEntry().getValue();
    }

    private static double share(String where, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new ConfigurationException(where + " must be a share between 0 and 1, e.g. 0.90");
        }
        return value;
    }

    record Targets(double overall, Set<Field> fields, double fieldTarget, @Nullable String source) {

        double forField(@Nullable Field field) {
            return field != null && fields.contains(field) ? fieldTarget : overall;
        }
    }
}
