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
    static final Targets DECISION_1588 = new Targets(0.90, Set.of(Field.DAT_DAI, Field.XAY_DUNG, Field.DAU_TU), 0.85);

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
                    p.getFieldTarget() == null ? p.getOverall() : share(where + ".field-target", p.getFieldTarget()));
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

    record Targets(double overall, Set<Field> fields, double fieldTarget) {

        double forField(@Nullable Field field) {
            return field != null && fields.contains(field) ? fieldTarget : overall;
        }
    }
}
